// Deterministic walks, scripted paths and injected faults.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Market, startMarketEmulator, type RunningMarket } from "../src/index.js";
import { connect, until } from "./helpers.js";

function pricesOf(seed: string, symbol: string, ticks: number): number[] {
  const market = new Market({
    seed,
    tickMs: 250,
    volatilityMultiplier: 1,
    prehistoryMinutes: 0,
    retentionMinutes: 60,
    now: () => 0,
  });
  market.activate(symbol);
  const prices: number[] = [];
  market.onTrade((t) => prices.push(t.price));
  for (let i = 0; i < ticks; i++) market.tick(1_000_000 + i * 250);
  return prices;
}

describe("price paths", () => {
  it("are the same for the same seed and differ across seeds and symbols", () => {
    const a = pricesOf("s1", "BTCUSDT", 200);
    expect(pricesOf("s1", "BTCUSDT", 200)).toEqual(a);
    expect(pricesOf("s2", "BTCUSDT", 200)).not.toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(20); // it moves
  });

  it("move with realistic volatility: BTC's 1-hour range is a fraction of a percent to a few percent", () => {
    const hour = pricesOf("vol", "BTCUSDT", 4 * 3600);
    const range = (Math.max(...hour) - Math.min(...hour)) / (hour[0] ?? 1);
    expect(range).toBeGreaterThan(0.001);
    expect(range).toBeLessThan(0.05);
  });
});

describe("scripted paths and faults", () => {
  let m: RunningMarket;
  beforeAll(async () => {
    m = await startMarketEmulator({ tickMs: 20, prehistoryMinutes: 5 });
  });
  afterAll(() => m.close());

  it("goes to a price over a duration, gaps, and halts (no trades while halted)", async () => {
    const c = await connect(`${m.wsUrl}/stream?streams=xrpusdt@aggTrade`);
    await m.control.script(
      "XRPUSDT",
      [
        { type: "move", to: 0.6, durationMs: 400 },
        { type: "halt", durationMs: 400 },
        { type: "gap", to: 0.5 },
        { type: "hold", durationMs: 60_000 },
      ],
      true,
    );
    const prices = () => c.frames.map((f) => Number(f.data?.p));
    await until(() => prices().includes(0.5), 5_000, "gap price");
    const seen = prices();
    const at06 = seen.indexOf(0.6);
    expect(at06).toBeGreaterThan(0);
    expect(seen.indexOf(0.5)).toBeGreaterThan(at06);
    // Between the end of the move and the gap nothing printed for ~400 ms.
    const times = c.frames.map((f) => Number(f.data?.T));
    const lastAt06 = seen.lastIndexOf(0.6);
    expect((times[seen.indexOf(0.5)] ?? 0) - (times[lastAt06] ?? 0)).toBeGreaterThanOrEqual(350);
    expect(await m.control.price("XRPUSDT")).toBe(0.5);
    c.close();
  });

  it("keeps trading a stale symbol (klines fill) while its stream is silent", async () => {
    const c = await connect(`${m.wsUrl}/stream?streams=dogeusdt@aggTrade/dotusdt@aggTrade`);
    await until(() => c.frames.some((f) => f.stream === "dogeusdt@aggTrade"));
    await m.control.script(
      "DOGEUSDT",
      [
        { type: "move", to: 0.3, durationMs: 300 },
        { type: "hold", durationMs: 60_000 },
      ],
      true,
    );
    await m.control.faults({ staleSymbols: ["DOGEUSDT"] });
    const before = c.frames.filter((f) => f.stream === "dogeusdt@aggTrade").length;
    await new Promise((r) => setTimeout(r, 500));
    expect(await m.control.price("DOGEUSDT")).toBe(0.3);
    expect(c.frames.filter((f) => f.stream === "dogeusdt@aggTrade").length).toBe(before);
    expect(c.frames.filter((f) => f.stream === "dotusdt@aggTrade").length).toBeGreaterThan(5);
    const rows = (await (
      await fetch(`${m.url}/fapi/v1/klines?symbol=DOGEUSDT&interval=1m&limit=2`)
    ).json()) as string[][];
    expect(Math.max(...rows.map((r) => Number(r[2])))).toBeGreaterThanOrEqual(0.3);
    await m.control.faults({ staleSymbols: [] });
    await until(() => c.frames.filter((f) => f.stream === "dogeusdt@aggTrade").length > before);
    c.close();
  });

  it("drops frames and sends some out of order", async () => {
    await m.control.faults({ dropRate: 1 });
    const dropped = await connect(`${m.wsUrl}/stream?streams=linkusdt@aggTrade`);
    await new Promise((r) => setTimeout(r, 300));
    expect(dropped.frames).toHaveLength(0);
    dropped.close();
    await m.control.faults({ dropRate: 0, outOfOrderRate: 0.3 });
    const c = await connect(`${m.wsUrl}/stream?streams=linkusdt@aggTrade`);
    await until(() => c.frames.length > 60);
    const ids = c.frames.map((f) => Number(f.data?.a));
    expect(ids.some((id, i) => i > 0 && id < (ids[i - 1] ?? 0))).toBe(true);
    await m.control.faults({ outOfOrderRate: 0 });
    c.close();
  });

  it("pings, drops a client that never pongs, and closes connections at their age limit", async () => {
    await m.control.settings({ pingIntervalMs: 100, pongTimeoutMs: 300 });
    const silent = await connect(`${m.wsUrl}/stream`, { autoPong: false });
    const polite = await connect(`${m.wsUrl}/stream`);
    await until(() => silent.closed() !== undefined, 5_000, "silent client dropped");
    expect(polite.closed()).toBeUndefined();
    await m.control.settings({ maxConnectionMs: 300 });
    await until(() => polite.closed() !== undefined, 5_000, "age limit");
    expect(polite.closed()?.code).toBe(1000);
    await m.control.reset();
  });

  it("disconnects every client on demand", async () => {
    const c = await connect(`${m.wsUrl}/stream`);
    const { disconnected } = await m.control.disconnect("close");
    expect(disconnected).toBeGreaterThanOrEqual(1);
    await until(() => c.closed() !== undefined);
    expect(c.closed()?.code).toBe(1001);
  });
});
