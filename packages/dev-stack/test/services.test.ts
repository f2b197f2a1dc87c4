import { describe, expect, test } from "vitest";
import { DEFAULT_PORTS, offsetPorts } from "../src/ports.js";
import { DEFAULT_RESTART_POLICY } from "../src/restart-policy.js";
import { DEMO_PRODUCT_ID, DEMO_VARIANT_ID } from "../src/seed.js";
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
    expect(backend.command).toBe(process.execPath);
    expect(backend.args.slice(0, 3)).toEqual(["--cpu-prof", "--import", "tsx"]);
    expect(backend.args[3]).toMatch(/convex-offline\/src\/cli\.ts$/);
    const mirror = apps.find((app) => app.name === "mirror");
    expect(mirror?.env.X).toBe("1");
    expect(mirror?.env.CONVEX_URL).toBe(`http://127.0.0.1:${DEFAULT_PORTS.backend}`);
    expect(apps.find((app) => app.name === "web")?.args[0]).toBe("start");
    expect(mirror?.args).toEqual([
      "--import",
      "tsx",
      expect.stringMatching(/apps\/mirror\/src\/index\.ts$/),
    ]);
    expect(apps.map((app) => app.name)).not.toContain("demo-feed");
    expect(apps.every((app) => app.restart === undefined)).toBe(true);
  });

  test("the web server alone gets the dev mailbox secret; it also gets the site URL (attachments)", () => {
    const env = { EMAIL_PROVIDER: "dev", DEV_MAILBOX_SECRET: "mailbox-secret-0123456789" };
    const { apps } = stackServices({ ...base, env, web: "dev" });
    const web = apps.find((app) => app.name === "web");
    expect(web?.env.DEV_MAILBOX_SECRET).toBe("mailbox-secret-0123456789");
    expect(web?.env.NEXT_PUBLIC_CONVEX_SITE_URL).toBe(`http://127.0.0.1:${DEFAULT_PORTS.site}`);
    for (const app of apps.filter((candidate) => candidate.name !== "web")) {
      expect(app.env.DEV_MAILBOX_SECRET).toBeUndefined();
    }
  });

  test("one instance of each bot by default, named and ported as before", () => {
    const { apps } = stackServices({ ...base, web: "dev" });
    expect(apps.map((app) => app.name)).toEqual([
      "sellapp",
      "market",
      "tracker",
      "collector",
      "mirror",
      "web",
    ]);
    const collector = apps[3];
    expect(collector?.env.COLLECTOR_INSTANCE_ID).toBe("local-collector");
    expect(collector?.readyUrl).toBe("http://127.0.0.1:8081/health");
  });

  test("N instances: own names, instance ids and health ports; base-name env applies to all", () => {
    const { apps } = stackServices({
      ...base,
      web: "dev",
      demoFeed: true,
      instances: 2,
      restart: DEFAULT_RESTART_POLICY,
      serviceEnv: { mirror: { LOG_LEVEL: "debug" }, "mirror-2": { MIRROR_LEASE_MS: "5000" } },
    });
    expect(apps.map((app) => app.name)).toEqual([
      "sellapp",
      "market",
      "tracker",
      "collector",
      "mirror",
      "collector-2",
      "mirror-2",
      "web",
      "demo-feed",
    ]);
    const byName = new Map(apps.map((app) => [app.name, app]));
    expect(byName.get("collector-2")?.env).toMatchObject({
      COLLECTOR_INSTANCE_ID: "local-collector-2",
      COLLECTOR_HEALTH_PORT: "8181",
    });
    expect(byName.get("collector-2")?.readyUrl).toBe("http://127.0.0.1:8181/health");
    expect(byName.get("mirror-2")?.env).toMatchObject({
      MIRROR_INSTANCE_ID: "local-mirror-2",
      MIRROR_HEALTH_PORT: "8182",
      LOG_LEVEL: "debug",
      MIRROR_LEASE_MS: "5000",
    });
    expect(byName.get("mirror")?.env.MIRROR_LEASE_MS).toBeUndefined();
    expect(byName.get("mirror")?.env.LOG_LEVEL).toBe("debug");
    expect(apps.every((app) => app.restart === DEFAULT_RESTART_POLICY)).toBe(true);
    expect(() => stackServices({ ...base, web: "dev", instances: 0 })).toThrow(/instances/);
  });

  test("the market emulator and the tracker on it, only when the ports name a market", () => {
    const { apps } = stackServices({
      ...base,
      web: "dev",
      env: { CONVEX_SERVICE_SECRET: "s".repeat(20) },
    });
    const market = apps.find((app) => app.name === "market");
    const tracker = apps.find((app) => app.name === "tracker");
    expect(market?.args).toEqual(expect.arrayContaining(["--port", "3400"]));
    expect(market?.readyUrl).toBe("http://127.0.0.1:3400/_health");
    expect(tracker?.env).toMatchObject({
      CONVEX_URL: `http://127.0.0.1:${DEFAULT_PORTS.backend}`,
      CONVEX_SERVICE_SECRET: "s".repeat(20),
      MARKET_WS_URL: "ws://127.0.0.1:3400",
      MARKET_REST_URL: "http://127.0.0.1:3400",
      TRACKER_HEALTH_PORT: "8083",
    });
    expect(tracker?.readyUrl).toBe("http://127.0.0.1:8083/health");
    // The demo feed draws its signals around the emulator's prices, so the tracker sees them move.
    const feed = (ports: typeof DEFAULT_PORTS | Omit<typeof DEFAULT_PORTS, "market">) =>
      stackServices({ ...base, ports, web: "dev", demoFeed: true }).apps.find(
        (app) => app.name === "demo-feed",
      );
    expect(feed(DEFAULT_PORTS)?.env.DEMO_FEED_MARKET_URL).toBe("http://127.0.0.1:3400");
    const { market: _noMarket, ...noMarketPorts } = DEFAULT_PORTS;
    expect(feed(noMarketPorts)?.env.DEMO_FEED_MARKET_URL).toBeUndefined();
    const {
      market: _market,
      trackerHealth: _tracker,
      sellapp: _sellapp,
      ...withoutMarket
    } = DEFAULT_PORTS;
    const bare = stackServices({ ...base, ports: withoutMarket, web: "dev" });
    expect(bare.apps.map((app) => app.name)).toEqual(["collector", "mirror", "web"]);
  });

  test("the Sell.app stand-in with the demo store, its key and the webhook target; offset ports move every port", () => {
    const env = { SELLAPP_API_KEY: "k".repeat(48), SELLAPP_WEBHOOK_SECRET: "w".repeat(64) };
    const sellapp = stackServices({ ...base, env, web: "dev" }).apps.find(
      (app) => app.name === "sellapp",
    );
    expect(sellapp?.args).toEqual(
      expect.arrayContaining(["--port", "3500", "--demo", `${DEMO_PRODUCT_ID}:${DEMO_VARIANT_ID}`]),
    );
    expect(sellapp?.env).toEqual({
      ...env,
      SELLAPP_EMULATOR_WEBHOOK_URL: `http://127.0.0.1:${DEFAULT_PORTS.site}/webhooks/sellapp`,
    });
    expect(sellapp?.readyUrl).toBe("http://127.0.0.1:3500/_control/state");
    const moved = offsetPorts(DEFAULT_PORTS, 10_000);
    expect(moved).toMatchObject({ backend: 13210, web: 13000, sellapp: 13500, market: 13400 });
    const backend = stackServices({ ...base, ports: moved, web: "dev" }).backend;
    expect(backend.args).toEqual(
      expect.arrayContaining(["--port", "13210", "--site-port", "13211"]),
    );
    expect(() => offsetPorts(DEFAULT_PORTS, -1)).toThrow(/offset/);
  });
});
