import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { Supervisor } from "../src/supervisor.js";

const server = (port: number): string =>
  `const s=require("http").createServer((q,r)=>r.end("ok")).listen(${port},"127.0.0.1",()=>console.log("listening"));` +
  `process.on("SIGTERM",()=>{console.log("bye");s.close(()=>process.exit(0));});`;

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

describe("Supervisor", () => {
  test("waits for readiness, logs to a file, and stops services with SIGTERM", async () => {
    const logDir = mkdtempSync(join(tmpdir(), "dev-stack-logs-"));
    const exits: string[] = [];
    const supervisor = new Supervisor(logDir, (name) => exits.push(name));
    const port = await freePort();
    await supervisor.start({
      name: "web",
      command: process.execPath,
      args: ["-e", server(port)],
      cwd: process.cwd(),
      env: {},
      readyUrl: `http://127.0.0.1:${port}/`,
      readyTimeoutMs: 10_000,
    });
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("ok");
    await supervisor.stopAll();
    expect(exits).toEqual([]);
    expect(readFileSync(join(logDir, "web.log"), "utf8")).toBe("listening\nbye\n");
  });

  test("reports a service that exits on its own, and fails readiness when it dies first", async () => {
    const logDir = mkdtempSync(join(tmpdir(), "dev-stack-logs-"));
    const exits: [string, number | null][] = [];
    const supervisor = new Supervisor(logDir, (name, code) => exits.push([name, code]));
    await expect(
      supervisor.start({
        name: "broken",
        command: process.execPath,
        args: ["-e", "console.error('boom'); process.exit(3)"],
        cwd: process.cwd(),
        env: {},
        readyUrl: `http://127.0.0.1:${await freePort()}/`,
        readyTimeoutMs: 10_000,
      }),
    ).rejects.toThrow(/exited before/);
    expect(exits).toEqual([["broken", 3]]);
    await supervisor.stopAll();
  });

  test("lists running pids, and with echo off still writes the log file", async () => {
    const logDir = mkdtempSync(join(tmpdir(), "dev-stack-logs-"));
    const supervisor = new Supervisor(logDir, () => undefined, { echo: false });
    const port = await freePort();
    const written: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    };
    try {
      await supervisor.start({
        name: "quiet",
        command: process.execPath,
        args: ["-e", server(port)],
        cwd: process.cwd(),
        env: {},
        readyUrl: `http://127.0.0.1:${port}/`,
        readyTimeoutMs: 10_000,
      });
      const pids = supervisor.pids();
      expect(pids).toHaveLength(1);
      expect(pids[0]?.name).toBe("quiet");
      expect(pids[0]?.pid).toBeGreaterThan(0);
      await supervisor.stopAll();
    } finally {
      process.stdout.write = original;
    }
    expect(written.join("")).not.toContain("listening");
    expect(readFileSync(join(logDir, "quiet.log"), "utf8")).toBe("listening\nbye\n");
    expect(supervisor.pids()).toEqual([]);
  });
});
