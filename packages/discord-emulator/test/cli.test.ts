import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";

type LogLine = {
  event: string;
  level: string;
  url?: string;
  bots?: { tokenEnvVar: string | null }[];
};

describe("CLI", () => {
  it("starts the demo world, serves /_health, logs JSON lines without tokens, and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "--port", "0"], {
      cwd: new URL("..", import.meta.url).pathname,
      env: { ...process.env, DISCORD_EMULATOR_LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: string[] = [];
    const rl = createInterface({ input: child.stdout });
    const started = new Promise<LogLine>((resolve, reject) => {
      rl.on("line", (line) => {
        lines.push(line);
        const parsed = JSON.parse(line) as LogLine;
        if (parsed.event === "emulator_started") resolve(parsed);
      });
      child.once("exit", (code) => reject(new Error(`exited early with ${code}`)));
    });
    const startup = await started;
    expect(startup.bots?.map((b) => b.tokenEnvVar)).toEqual([
      "DISCORD_COLLECTOR_TOKEN",
      "DISCORD_MIRROR_TOKEN",
    ]);
    const health = await fetch(`${startup.url ?? ""}/_health`);
    expect(await health.json()).toEqual({ ok: true, guilds: 2 });
    await fetch(`${startup.url ?? ""}/api/v10/users/@me`, {
      headers: { authorization: "Bot emulator.mirror.MTE5NjQyNTA0ODIyNzk3MTA3OA.demo-token" },
    });

    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    const events = lines.map((l) => (JSON.parse(l) as LogLine).event);
    expect(events).toEqual(
      expect.arrayContaining([
        "emulator_started",
        "rest_request",
        "emulator_stopping",
        "emulator_stopped",
      ]),
    );
    expect(lines.join("\n")).not.toContain("demo-token");
  }, 30_000);

  it("refuses a non-loopback host without --allow-remote and an invalid world file", async () => {
    const run = async (args: string[]) => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
        cwd: new URL("..", import.meta.url).pathname,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      const [code] = (await once(child, "exit")) as [number | null];
      return { code, out };
    };
    const remote = await run(["--host", "0.0.0.0", "--port", "0"]);
    expect(remote.code).toBe(2);
    expect(remote.out).toContain("refusing_non_loopback_host");
    const badWorld = await run(["--world", "package.json", "--port", "0"]);
    expect(badWorld.code).toBe(2);
    expect(badWorld.out).toContain("invalid_world_file");
  }, 30_000);
});
