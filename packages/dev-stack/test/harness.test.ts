import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { freePort } from "../src/free-port.js";
import { harnessStack } from "../src/harness.js";
import { DEFAULT_PORTS } from "../src/ports.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo();
});

function listening(port: number): Promise<Server> {
  return new Promise((resolveServer, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolveServer(server));
  });
}

describe("freePort", () => {
  test("the preferred port when it is free, any other when it is taken", async () => {
    const preferred = await freePort();
    expect(await freePort(preferred)).toBe(preferred);
    const holder = await listening(preferred);
    cleanup.push(() => holder.close());
    const other = await freePort(preferred);
    expect(other).not.toBe(preferred);
    expect(other).toBeGreaterThan(0);
  });
});

describe("harnessStack", () => {
  test("an env file and a data dir in the work dir, the harness's settings over the defaults, the harness stack's services", async () => {
    const workDir = mkdtempSync(join(tmpdir(), "dev-stack-harness-"));
    cleanup.push(() => rmSync(workDir, { recursive: true, force: true }));
    const { env, envFile, dataDir, services } = await harnessStack({
      root: "/repo",
      workDir,
      ports: DEFAULT_PORTS,
      env: { ALLOW_SYNTHETIC_SIGNALS: "true" },
      serviceEnv: { mirror: { X: "1" } },
    });
    expect(envFile).toBe(join(workDir, "env"));
    expect(dataDir).toBe(join(workDir, "convex"));
    expect(existsSync(dataDir)).toBe(true);
    expect(env.ALLOW_SYNTHETIC_SIGNALS).toBe("true");
    expect(env.CONVEX_SERVICE_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(envFile, "utf8")).toContain(
      `CONVEX_SERVICE_SECRET=${env.CONVEX_SERVICE_SECRET}`,
    );
    expect(services.backend.args).toEqual(
      expect.arrayContaining(["--data", dataDir, "--env-file", envFile, "--no-codegen"]),
    );
    expect(services.backend.args).not.toContain("--watch");
    expect(services.apps.map((app) => app.name)).not.toContain("demo-feed");
    expect(services.apps.find((app) => app.name === "web")?.args[0]).toBe("start");
    expect(services.apps.find((app) => app.name === "mirror")?.env.X).toBe("1");
  });

  test("a second start in the same work dir keeps the secrets it wrote", async () => {
    const workDir = mkdtempSync(join(tmpdir(), "dev-stack-harness-"));
    cleanup.push(() => rmSync(workDir, { recursive: true, force: true }));
    const first = await harnessStack({ root: "/repo", workDir, ports: DEFAULT_PORTS });
    const second = await harnessStack({ root: "/repo", workDir, ports: DEFAULT_PORTS });
    expect(second.env.CONVEX_SERVICE_SECRET).toBe(first.env.CONVEX_SERVICE_SECRET);
  });
});
