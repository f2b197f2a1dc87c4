import { spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_IDS, startEmulator, type RunningEmulator } from "@g3/discord-emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator.close();
});

/** Runs the real CLI; SIGTERM once `stopOn` is logged. Resolves with the exit code and log events. */
function runCli(args: string[], env: Record<string, string>, stopOn?: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts", ...args], {
    cwd: APP_DIR,
    env: { PATH: process.env.PATH ?? "", EMULATOR_URL: emulator.url, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let signalled = false;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (stopOn !== undefined && !signalled && stdout.includes(`"event":"${stopOn}"`)) {
      signalled = true;
      child.kill("SIGTERM");
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise<{ code: number | null; events: string[]; stderr: string }>((resolveRun) =>
    child.once("exit", (code) =>
      resolveRun({
        code,
        stderr,
        events: stdout
          .split("\n")
          .filter((line) => line.startsWith("{"))
          .map((line) => (JSON.parse(line) as { event: string }).event),
      }),
    ),
  );
}

describe("demo-feed CLI", () => {
  test("runs --count steps against the emulator and exits 0", async () => {
    const before = (await emulator.control.messages(DEMO_IDS.sourceVipSignals)).length;
    const run = await runCli(["--count", "3", "--interval", "50", "--seed", "11"], {});
    expect(run.code).toBe(0);
    expect(run.events[0]).toBe("feed.start");
    expect(run.events.at(-1)).toBe("feed.done");
    expect((await emulator.control.messages(DEMO_IDS.sourceVipSignals)).length).toBeGreaterThan(
      before,
    );
  });

  test("stops on SIGTERM and exits 0", async () => {
    const run = await runCli(["--interval", "60000"], {}, "feed.signal");
    expect(run.code).toBe(0);
    expect(run.events).toContain("feed.stopping");
    expect(run.events.at(-1)).toBe("feed.done");
  });

  test("--off exits at once without posting", async () => {
    const before = (await emulator.control.messages(DEMO_IDS.sourceVipSignals)).length;
    const run = await runCli(["--off"], {});
    expect(run.code).toBe(0);
    expect(run.events).toEqual(["feed.disabled"]);
    expect((await emulator.control.messages(DEMO_IDS.sourceVipSignals)).length).toBe(before);
  });

  test("a bad setting exits 1 naming it", async () => {
    const run = await runCli([], { DEMO_FEED_INTERVAL_MS: "soon" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("DEMO_FEED_INTERVAL_MS");
  });
});
