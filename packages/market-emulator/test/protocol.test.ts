// The public WebSocket and REST subset, spoken over real sockets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMarketEmulator, type RunningMarket } from "../src/index.js";
import { connect, until } from "./helpers.js";

let m: RunningMarket;
beforeAll(async () => {
  m = await startMarketEmulator({ tickMs: 20, prehistoryMinutes: 30 });
});
afterAll(() => m.close());

describe("streams", () => {
  it("serves combined streams with live SUBSCRIBE, LIST_SUBSCRIPTIONS and UNSUBSCRIBE", async () => {
    const c = await connect(`${m.wsUrl}/stream`);
    c.send({ method: "SUBSCRIBE", params: ["btcusdt@aggTrade", "ethusdt@kline_1m"], id: 1 });
    await until(() => c.frames.some((f) => f.stream === "btcusdt@aggTrade"), 5_000, "aggTrade");
    await until(() => c.frames.some((f) => f.stream === "ethusdt@kline_1m"), 5_000, "kline");
    expect(c.frames).toContainEqual({ result: null, id: 1 });
    const trade = c.frames.find((f) => f.stream === "btcusdt@aggTrade")?.data ?? {};
    expect(trade).toMatchObject({ e: "aggTrade", s: "BTCUSDT", m: expect.any(Boolean) as unknown });
    expect(typeof trade.p).toBe("string");
    expect(Number(trade.p)).toBeGreaterThan(0);
    expect(typeof trade.a).toBe("number");
    const kline = c.frames.find((f) => f.stream === "ethusdt@kline_1m")?.data ?? {};
    expect(kline).toMatchObject({ e: "kline", s: "ETHUSDT", k: { i: "1m", s: "ETHUSDT" } });

    c.send({ method: "LIST_SUBSCRIPTIONS", id: 2 });
    await until(() => c.frames.some((f) => f.id === 2));
    expect(c.frames.find((f) => f.id === 2)?.result).toEqual([
      "btcusdt@aggTrade",
      "ethusdt@kline_1m",
    ]);

    c.send({ method: "UNSUBSCRIBE", params: ["btcusdt@aggTrade", "ethusdt@kline_1m"], id: 3 });
    await until(() => c.frames.some((f) => f.id === 3));
    const after = c.frames.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(c.frames.length).toBe(after);
    c.close();
  });

  it("serves raw streams unwrapped and streams named in the combined URL", async () => {
    const raw = await connect(`${m.wsUrl}/ws/solusdt@aggTrade`);
    await until(() => raw.frames.length > 0);
    expect(raw.frames[0]).toMatchObject({ e: "aggTrade", s: "SOLUSDT" });
    raw.close();
    const combined = await connect(`${m.wsUrl}/stream?streams=solusdt@markPrice@1s/bnbusdt@trade`);
    await until(() => combined.frames.some((f) => f.stream === "solusdt@markPrice@1s"), 5_000);
    await until(() => combined.frames.some((f) => f.stream === "bnbusdt@trade"), 5_000);
    expect(combined.frames.find((f) => f.stream === "solusdt@markPrice@1s")?.data).toMatchObject({
      e: "markPriceUpdate",
      s: "SOLUSDT",
    });
    combined.close();
  });

  it("answers bad requests with an error and the request id", async () => {
    const c = await connect(`${m.wsUrl}/stream`);
    c.send({ method: "SUBSCRIBE", params: ["not a stream"], id: 7 });
    c.send({ method: "EXPLODE", id: 8 });
    await until(() => c.frames.filter((f) => f.error !== undefined).length === 2);
    expect(c.frames.map((f) => f.id)).toEqual([7, 8]);
    c.close();
  });

  it("drops a connection that sends more than the incoming message limit", async () => {
    const c = await connect(`${m.wsUrl}/stream`);
    for (let i = 0; i < 12; i++) c.send({ method: "LIST_SUBSCRIPTIONS", id: i });
    await until(() => c.closed() !== undefined);
    expect(c.closed()?.code).toBe(1008);
  });
});

describe("REST", () => {
  it("serves klines in the futures and spot shapes, with the exchange's errors", async () => {
    for (const path of ["/fapi/v1/klines", "/api/v3/klines"]) {
      const rows = (await (
        await fetch(`${m.url}${path}?symbol=BTCUSDT&interval=1m&limit=5`)
      ).json()) as unknown[][];
      expect(rows).toHaveLength(5);
      const [openTime, open, high, low, close, , closeTime] = rows[4] ?? [];
      expect(typeof openTime).toBe("number");
      expect(closeTime).toBe(Number(openTime) + 59_999);
      expect(Number(high)).toBeGreaterThanOrEqual(Math.max(Number(open), Number(close)));
      expect(Number(low)).toBeLessThanOrEqual(Math.min(Number(open), Number(close)));
    }
    const bad = async (query: string) =>
      ((await (await fetch(`${m.url}/fapi/v1/klines?${query}`)).json()) as { code: number }).code;
    expect(await bad("symbol=nope&interval=1m")).toBe(-1121);
    expect(await bad("symbol=BTCUSDT&interval=7m")).toBe(-1120);
    expect(await bad("symbol=BTCUSDT&interval=1m&limit=1501")).toBe(-1130);
    const spotLimit = await fetch(`${m.url}/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1001`);
    expect(spotLimit.status).toBe(400);
  });

  it("pages klines by startTime and endTime", async () => {
    const now = Date.now();
    const start = Math.floor(now / 60_000) * 60_000 - 10 * 60_000;
    const rows = (await (
      await fetch(
        `${m.url}/fapi/v1/klines?symbol=ADAUSDT&interval=1m&startTime=${start}&endTime=${start + 4 * 60_000}`,
      )
    ).json()) as unknown[][];
    expect(rows.map((r) => r[0])).toEqual([0, 1, 2, 3, 4].map((i) => start + i * 60_000));
    const fiveMinute = (await (
      await fetch(
        `${m.url}/fapi/v1/klines?symbol=ADAUSDT&interval=5m&startTime=${start - (start % 300_000)}&limit=1`,
      )
    ).json()) as unknown[][];
    expect(fiveMinute).toHaveLength(1);
  });

  it("injects REST failures through the control API", async () => {
    await m.control.restFailures({ count: 1, status: 429 });
    const first = await fetch(`${m.url}/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=1`);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    const second = await fetch(`${m.url}/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=1`);
    expect(second.status).toBe(200);
  });
});
