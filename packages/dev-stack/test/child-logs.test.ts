import { spawn } from "node:child_process";
import { describe, expect, test } from "vitest";
import { captureChildLogs } from "../src/child-logs";

describe("captureChildLogs", () => {
  test("JSON lines split across chunks are read whole; other lines kept as msg; stderr and exit code", async () => {
    // The child writes one JSON line in two writes with a pause between, so the parent's first
    // chunk ends mid-line.
    const script = `
      process.stdout.write('{"event":"a","n":1}\\n{"event":"b"');
      setTimeout(() => {
        process.stdout.write(',"n":2}\\nnot json\\n\\n');
        process.stderr.write("oops");
        process.exit(3);
      }, 100);
    `;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    const captured = captureChildLogs(child);
    expect(await captured.exit).toBe(3);
    expect(captured.logs).toEqual([
      { event: "a", n: 1 },
      { event: "b", n: 2 },
      { msg: "not json" },
    ]);
    expect(captured.stderr.join("")).toBe("oops");
    expect(captured.describe("probe", 1)).toBe(
      'probe logs (last 1):\n{"msg":"not json"}\nstderr:\noops',
    );
  });
});
