import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConvexHttpClient } from "convex/browser";
import { WebSocket } from "ws";
import { describe, expect, it } from "vitest";
import { api } from "./fixture-app/convex/_generated/api.js";
import { FIXTURE_DIR, fixtureKeys, httpClient, startFixture, tempDataDir } from "./helpers.js";

describe("backend lifecycle", () => {
  it("pings idle sockets", async () => {
    const backend = await startFixture({ pingIntervalMs: 100 });
    try {
      const socket = new WebSocket(`${backend.url.replace("http", "ws")}/api/1.48.0/sync`);
      const ping = new Promise<unknown>((resolve) =>
        socket.on("message", (data: Buffer) => resolve(JSON.parse(data.toString()))),
      );
      expect(await ping).toEqual({ type: "Ping" });
      socket.close();
    } finally {
      await backend.close();
    }
  });

  it("reads the env file into the functions' environment and answers consistent queries", async () => {
    const envFile = join(tempDataDir(), ".env.local");
    writeFileSync(envFile, 'FROM_FILE="hello from the env file"\nOVERRIDDEN=file\n');
    const backend = await startFixture({ envFile, env: { OVERRIDDEN: "option" } });
    try {
      const http = httpClient(backend);
      expect(await http.query(api.settings.envValue, { name: "FROM_FILE" })).toBe(
        "hello from the env file",
      );
      expect(await http.query(api.settings.envValue, { name: "OVERRIDDEN" })).toBe("option");
      expect(await http.query(api.settings.envValue, { name: "CONVEX_SITE_URL" })).toBe(
        backend.siteUrl,
      );
      expect(await http.consistentQuery(api.messages.count, { channel: "none" })).toBe(0);
    } finally {
      await backend.close();
    }
  });

  it("runs as a CLI: prints its URLs, serves, and flushes a snapshot on SIGTERM", async () => {
    const dataDir = tempDataDir();
    const envFile = join(dataDir, "..", `${dataDir.split("/").pop() ?? "x"}.env`);
    const keys = await fixtureKeys();
    writeFileSync(envFile, `JWT_PRIVATE_KEY="${keys.JWT_PRIVATE_KEY}"\nJWKS=${keys.JWKS}\n`);
    const bin = join(FIXTURE_DIR, "..", "..", "..", "bin", "convex-offline.mjs");
    const child = spawn(
      process.execPath,
      [
        bin,
        "dev",
        "--dir",
        FIXTURE_DIR,
        "--port",
        "0",
        "--site-port",
        "0",
        "--data",
        dataDir,
        "--env-file",
        envFile,
        "--no-codegen",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /CONVEX_SELF_HOSTED_URL=(\S+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const health = (await (await fetch(`${url}/version`)).json()) as {
      status: string;
      persistent: boolean;
    };
    expect(health).toMatchObject({ status: "ok", persistent: true });
    const http = new ConvexHttpClient(url);
    await http.mutation(api.messages.send, { channel: "cli", author: "a", body: "survives" });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(readFileSync(join(dataDir, "snapshot.jsonl"), "utf8")).toContain("survives");
    expect(readFileSync(join(dataDir, "commits.jsonl"), "utf8")).toBe("");
    const events = stderr
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events).toContain("backend.started");
    expect(events).toContain("backend.stopped");
  });
});
