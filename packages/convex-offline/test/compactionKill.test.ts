// SIGKILL while the commit log is being folded into a new snapshot in the background: whatever
// moment the kill lands on — serializing, syncing, renaming, removing the folded log — every
// write the process reported as appended is there when the directory is loaded again.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Persistence } from "../src/storage/persistence.js";
import { tempDataDir } from "./helpers.js";

const WRITER = fileURLToPath(new URL("./processes/compacting-writer.ts", import.meta.url));

/**
 * Runs the writer from `first` until a fold has started and `killAfterAcks` more writes were
 * acknowledged, then SIGKILLs it; resolves with the last acknowledged write.
 */
function runAndKill(dir: string, first: number, killAfterAcks: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, dir, String(first)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let lastAcked = first - 1;
    let acksSinceFold = -1;
    let buffered = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        if (line.startsWith("acked ")) {
          lastAcked = Number(line.slice("acked ".length));
          if (acksSinceFold >= 0) acksSinceFold += 1;
        }
        if (line === "compacting" && acksSinceFold < 0) acksSinceFold = 0;
        if (acksSinceFold >= killAfterAcks && child.exitCode === null) child.kill("SIGKILL");
      }
    });
    child.once("error", reject);
    child.once("exit", (_code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`the writer exited on its own (${signal})`));
      else resolve(lastAcked);
    });
  });
}

describe("a SIGKILL during a background compaction", () => {
  it("loses no acknowledged write, wherever in the fold it lands", async () => {
    const dir = tempDataDir();
    let first = 0;
    // Kills at different depths into the fold: at once, a few slices in, around its end.
    for (const killAfterAcks of [0, 1, 5, 20, 60, 150, 400]) {
      const lastAcked = await runAndKill(dir, first, killAfterAcks);
      const loaded = new Persistence(dir).load();
      const numbers = new Set(loaded.docs.map((doc) => doc.n));
      const missing = [...Array(lastAcked + 1).keys()].filter((n) => !numbers.has(n));
      expect(missing, `killed ${killAfterAcks} acks into a fold`).toEqual([]);
      first = lastAcked + 1;
    }
  }, 120_000);
});
