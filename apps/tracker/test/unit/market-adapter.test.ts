// The tracker's market adapter (ws + fetch, the exchange's real protocol) against the market
// emulator over real sockets.
import { startMarketEmulator, type RunningMarket } from "@g3/market-emulator";
import { waitFor } from "@g3/dev-stack/poll";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KlinesClient } from "../../src/market/klines-client.js";
import { TradeStream, type Trade } from "../../src/market/trade-stream.js";

let m: RunningMarket;
beforeAll(async () => {
  m = await startMarketEmulator({ tickMs: 25, prehistoryMinutes: 3_000 });
});
afterAll(() => m.close());

function recorder() {
  const trades: Trade[] = [];
  const gaps: { symbols: string[]; since: number }[] = [];
  let connects = 0;
  return {
    trades,
    gaps,
    connects: () => connects,
    events: {
      trade: (t: Trade) => trades.push(t),
      gap: (symbols: string[], since: number) => gaps.push({ symbols, since }),
      connected: () => void connects++,
      disconnected: () => undefined,
    },
  };
}

describe("trade stream", () => {
  it("subscribes, follows a changing symbol set, and reads prices", async () => {
    const r = recorder();
    const stream = new TradeStream({ wsUrl: m.wsUrl, staleMs: 60_000 }, r.events);
    stream.setSymbols(["BTCUSDT"]);
    stream.start();
    await waitFor(() => r.trades.some((t) => t.symbol === "BTCUSDT"), 10_000, "BTC trades");
    stream.setSymbols(["ETHUSDT"]);
    await waitFor(() => r.trades.some((t) => t.symbol === "ETHUSDT"), 10_000, "ETH trades");
    const cut = r.trades.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(r.trades.slice(cut).every((t) => t.symbol === "ETHUSDT")).toBe(true);
    const eth = await m.control.price("ETHUSDT");
    expect(Math.abs((r.trades[r.trades.length - 1]?.price ?? 0) - eth) / eth).toBeLessThan(0.01);
    await stream.stop();
  });

  it("reconnects after the server drops it and reports the gap to catch up", async () => {
    const r = recorder();
    const stream = new TradeStream({ wsUrl: m.wsUrl, staleMs: 60_000 }, r.events);
    stream.setSymbols(["SOLUSDT"]);
    stream.start();
    await waitFor(() => r.trades.length > 0, 10_000, "trades");
    await m.control.disconnect("terminate");
    await waitFor(() => r.connects() >= 2 && r.gaps.length > 0, 15_000, "reconnect and gap");
    expect(r.gaps[0]?.symbols).toEqual(["SOLUSDT"]);
    const before = r.trades.length;
    await waitFor(() => r.trades.length > before + 5, 10_000, "trades after reconnect");
    await stream.stop();
  });

  it("notices a symbol gone quiet, re-subscribes it and reports a gap", async () => {
    const r = recorder();
    const stream = new TradeStream({ wsUrl: m.wsUrl, staleMs: 1_000 }, r.events);
    stream.setSymbols(["LINKUSDT"]);
    stream.start();
    await waitFor(() => r.trades.length > 0, 10_000, "trades");
    await m.control.faults({ staleSymbols: ["LINKUSDT"] });
    await waitFor(() => r.gaps.some((g) => g.symbols.includes("LINKUSDT")), 10_000, "stale gap");
    await m.control.faults({ staleSymbols: [] });
    await stream.stop();
  });

  it("drops out-of-order trades so prices never go back in time", async () => {
    await m.control.faults({ outOfOrderRate: 0.3 });
    const r = recorder();
    const stream = new TradeStream({ wsUrl: m.wsUrl, staleMs: 60_000 }, r.events);
    stream.setSymbols(["ADAUSDT"]);
    stream.start();
    await waitFor(() => stream.outOfOrderDropped > 3, 15_000, "out-of-order frames");
    const ids = r.trades.map((t) => t.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    await m.control.faults({ outOfOrderRate: 0 });
    await stream.stop();
  });
});

describe("klines client", () => {
  it("pages minute candles forward in the futures and spot shapes", async () => {
    const until = Date.now();
    const from = until - 2_000 * 60_000; // more than one futures page (1,500) and two spot pages
    for (const source of ["binance-futures", "binance-spot"] as const) {
      const candles = await new KlinesClient(m.url, source).minuteCandles("BNBUSDT", from, until);
      expect(candles.length).toBeGreaterThanOrEqual(2_000);
      const times = candles.map((c) => c.t);
      expect(new Set(times).size).toBe(times.length);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(candles.every((c) => c.low <= c.high && c.end <= until)).toBe(true);
    }
  });

  it("waits out 429s and 503s", async () => {
    await m.control.restFailures({ count: 2, status: 429 });
    const candles = await new KlinesClient(m.url, "binance-futures").minuteCandles(
      "BNBUSDT",
      Date.now() - 5 * 60_000,
      Date.now(),
    );
    expect(candles.length).toBeGreaterThan(0);
  });
});
