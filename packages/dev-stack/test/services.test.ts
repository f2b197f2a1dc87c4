import { describe, expect, test } from "vitest";
import { DEFAULT_PORTS } from "../src/ports.js";
import { stackServices } from "../src/services.js";

const base = { root: "/repo", ports: DEFAULT_PORTS, env: {}, reset: false, demoFeed: false };

describe("stackServices", () => {
  test("defaults: the repo's data dir and env file, watch and codegen on", () => {
    const { backend } = stackServices({ ...base, web: "dev" });
    expect(backend.args).toEqual(
      expect.arrayContaining(["--data", "/repo/.data/convex", "--env-file", "/repo/.env.local"]),
    );
    expect(backend.args).toContain("--watch");
    expect(backend.args).not.toContain("--no-codegen");
  });

  test("custom data dir, env file, no watch, no codegen, per-service env, production web", () => {
    const { backend, apps } = stackServices({
      ...base,
      web: "production",
      dataDir: "/tmp/bench/data",
      envFile: "/tmp/bench/env",
      watch: false,
      codegen: false,
      serviceEnv: { convex: { LOG: "debug" }, mirror: { X: "1" } },
      nodeFlags: { convex: ["--cpu-prof"], web: ["--ignored-for-next"] },
    });
    expect(backend.args).toEqual(
      expect.arrayContaining(["--data", "/tmp/bench/data", "--env-file", "/tmp/bench/env"]),
    );
    expect(backend.args).not.toContain("--watch");
    expect(backend.args).toContain("--no-codegen");
    expect(backend.env).toEqual({ LOG: "debug" });
    expect(backend.args[0]).toBe("--cpu-prof");
    expect(backend.args[1]).toMatch(/convex-offline\/src\/cli\.ts$/);
    const mirror = apps.find((app) => app.name === "mirror");
    expect(mirror?.env.X).toBe("1");
    expect(mirror?.env.CONVEX_URL).toBe(`http://127.0.0.1:${DEFAULT_PORTS.backend}`);
    expect(apps.find((app) => app.name === "web")?.args[0]).toBe("start");
    expect(mirror?.args[0]).toMatch(/apps\/mirror\/src\/index\.ts$/);
    expect(apps.map((app) => app.name)).not.toContain("demo-feed");
  });
});
