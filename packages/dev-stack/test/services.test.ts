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
      serviceEnv: { convex: { NODE_OPTIONS: "--cpu-prof" }, mirror: { X: "1" } },
    });
    expect(backend.args).toEqual(
      expect.arrayContaining(["--data", "/tmp/bench/data", "--env-file", "/tmp/bench/env"]),
    );
    expect(backend.args).not.toContain("--watch");
    expect(backend.args).toContain("--no-codegen");
    expect(backend.env).toEqual({ NODE_OPTIONS: "--cpu-prof" });
    const mirror = apps.find((app) => app.name === "mirror");
    expect(mirror?.env.X).toBe("1");
    expect(mirror?.env.CONVEX_URL).toBe(`http://127.0.0.1:${DEFAULT_PORTS.backend}`);
    expect(apps.find((app) => app.name === "web")?.args[0]).toBe("start");
    expect(apps.map((app) => app.name)).not.toContain("demo-feed");
  });
});
