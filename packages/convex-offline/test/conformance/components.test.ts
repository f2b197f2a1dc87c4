// Convex components from npm, served as Convex serves them: the app's convex.config.ts installs
// @convex-dev/rate-limiter, @convex-dev/aggregate (under a name of its own) and
// @convex-dev/migrations; their tables live in their own namespaces, their functions are reached
// only through `components.*` references from the app's functions, and the migrations
// component schedules its own batches. Driven by the real ConvexHttpClient and ConvexClient.
import { ConvexClient } from "convex/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend, startBackend } from "../../src/backend.js";
import { silentLogger } from "../../src/log.js";
import { eventually, httpClient, webSocketConstructor } from "../helpers.js";
import { api } from "./components-app/convex/_generated/api.js";
import { COMPONENTS_APP_SOURCE, MODULE_FORMATS, materializeApp } from "./materialize.js";

const BURST_REFILL_MS = 1500;

describe.each(MODULE_FORMATS)("components in a %s app", (format) => {
  let backend: Backend;
  let client: ConvexClient;
  beforeAll(async () => {
    const functionsDir = materializeApp(
      format,
      `components-${format}`,
      undefined,
      COMPONENTS_APP_SOURCE,
    );
    backend = await startBackend({
      functionsDir,
      port: 0,
      sitePort: 0,
      dataDir: null,
      logger: silentLogger,
    });
    client = new ConvexClient(backend.url, { webSocketConstructor });
  }, 120_000);
  afterAll(async () => {
    await client?.close();
    await backend?.close();
  });

  it("rate limiter: allows the rate per key, refuses the next, and resets on request", async () => {
    const http = httpClient(backend);
    const user = `alice-${format}`;
    for (let i = 0; i < 3; i++) {
      expect(await http.mutation(api.sends.send, { user })).toEqual({ ok: true });
    }
    const refused = await http.mutation(api.sends.send, { user });
    expect(refused.ok).toBe(false);
    expect(refused.retryAfter).toBeGreaterThan(0);
    // Another key has its own budget.
    expect(await http.mutation(api.sends.send, { user: `bob-${format}` })).toEqual({ ok: true });

    await http.mutation(api.sends.reset, { user });
    for (let i = 0; i < 3; i++) {
      expect(await http.mutation(api.sends.send, { user })).toEqual({ ok: true });
    }
    expect((await http.mutation(api.sends.send, { user })).ok).toBe(false);
  });

  it("rate limiter: a refused key is allowed again once its bucket refills", async () => {
    const http = httpClient(backend);
    const user = `dave-${format}`;
    const [first, second] = await http.mutation(api.sends.burst, { user, times: 2 });
    expect(first).toEqual({ ok: true });
    expect(second?.ok).toBe(false);
    expect(second?.retryAfter).toBeGreaterThan(0);
    expect(second?.retryAfter).toBeLessThanOrEqual(BURST_REFILL_MS);
    const [later] = await eventually(
      () => http.mutation(api.sends.burst, { user, times: 1 }),
      ([result]) => result?.ok === true,
      BURST_REFILL_MS * 10,
    );
    expect(later).toEqual({ ok: true });
  });

  it("keeps the app's rateLimits table apart from the rate limiter component's", async () => {
    const http = httpClient(backend);
    await http.mutation(api.sends.addNote, { note: "the app's own row" });
    for (let i = 0; i < 3; i++) await http.mutation(api.sends.send, { user: `carol-${format}` });
    expect(await http.query(api.sends.notes, {})).toEqual(["the app's own row"]);
  });

  it("refuses to call a component's functions from a client", async () => {
    const http = httpClient(backend);
    await expect(
      http.mutation("lib:limit" as never, { name: "send", config: {} } as never),
    ).rejects.toThrow("Could not find public function for 'lib:limit'");
  });

  it("runs a component's function for the admin key only (npx convex run --component)", async () => {
    const call = async (authorization: string | null) => {
      const response = await fetch(`${backend.url}/api/function`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          ...(authorization === null ? {} : { Authorization: authorization }),
        },
        body: JSON.stringify({
          path: "time:getServerTime",
          args: {},
          format: "json",
          componentPath: "rateLimiter",
        }),
      });
      return (await response.json()) as { status: string; value?: unknown; errorMessage?: string };
    };
    const before = Date.now();
    const admin = await call(`Convex ${backend.adminKey}`);
    expect(admin.status).toBe("success");
    expect(admin.value).toBeGreaterThanOrEqual(before);
    const anonymous = await call(null);
    expect(anonymous.status).toBe("error");
    expect(anonymous.errorMessage).toContain("Could not find function for 'time:getServerTime'");
  });

  it("aggregate: count and sum stay right across inserts and deletes, live on a subscription", async () => {
    const http = httpClient(backend);
    const seen: { count: number; sum: number }[] = [];
    const unsubscribe = client.onUpdate(api.scores.stats, {}, (stats) => seen.push(stats));
    try {
      const ids = [];
      for (let i = 1; i <= 30; i++) {
        ids.push(await http.mutation(api.scores.add, { player: `p${i}`, points: i }));
      }
      for (const id of ids.filter((_, index) => index % 3 === 0)) {
        await http.mutation(api.scores.remove, { id });
      }
      // 30 scores 1..30 (sum 465), minus 1, 4, …, 28 (10 scores, sum 145).
      const expected = { count: 20, sum: 320, rows: 20, rowSum: 320 };
      expect(await http.query(api.scores.stats, {})).toEqual(expected);
      await eventually(
        () => Promise.resolve(seen.at(-1)),
        (latest) => latest?.count === 20 && latest.sum === 320,
      );
      expect(seen.at(-1)).toEqual(expected);
    } finally {
      unsubscribe();
    }
  });

  it("migrations: a migration over 300 documents runs to completion in scheduled batches", async () => {
    const http = httpClient(backend);
    for (let from = 0; from < 300; from += 100) {
      await http.mutation(api.items.seed, { from, count: 100 });
    }
    await http.mutation(api.items.startMigration, {});
    const done = await eventually(
      () => http.query(api.items.progress, {}),
      (progress) => progress.isDone,
      60_000,
    );
    expect(done).toMatchObject({ isDone: true, state: "success", migrated: 300, total: 300 });
    expect(done.processed).toBe(300);
  }, 90_000);
});
