// The tracker end to end: the market emulator's scripted prices, the real market adapter, the
// real ConvexClient against the offline backend running ../../convex.
import { waitFor } from "@g3/dev-stack/poll";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TrackerApp } from "../../src/compose.js";
import { startStack, type Stack } from "./harness.js";

let stack: Stack;
let tracker: TrackerApp;

beforeAll(async () => {
  stack = await startStack();
  // Flat markets until the tests move them.
  // (at the emulator's start prices, so no candle of the walk before reaches a test's level).
  const flat = (to: number) => [
    { type: "gap" as const, to },
    { type: "hold" as const, durationMs: 3_600_000 },
  ];
  await stack.market.control.script("BTCUSDT", flat(42_000), true);
  await stack.market.control.script("ETHUSDT", flat(2_300), true);
  await stack.market.control.script("SOLUSDT", flat(96), true);
  tracker = await stack.startTracker();
});
afterAll(() => stack.close());

const move = (to: number, durationMs = 500) => [
  { type: "move" as const, to, durationMs },
  { type: "hold" as const, durationMs: 700 },
];
const holdForever = { type: "hold" as const, durationMs: 3_600_000 };

async function tracked(signalId: Parameters<Stack["outcome"]>[0]) {
  return waitFor(() => stack.outcome(signalId), 30_000, "the tracker to pick up the signal");
}

describe("tracker", () => {
  it("records entry, TP1, TP2 and the stop as the market goes through them, and checks a claim", async () => {
    await stack.market.control.script("BTCUSDT", [{ type: "gap", to: 42_000 }, holdForever], true);
    const { messageId, signalId } = await stack.post(
      "BTC/USDT LONG\nEntry: 41000\nTargets: 43000, 44000, 45000\nSL: 40000\nLeverage: 10x",
    );
    await tracked(signalId);
    await stack.market.control.script(
      "BTCUSDT",
      [...move(40_990), ...move(43_010), ...move(44_010), ...move(39_990, 1_000), holdForever],
      true,
    );
    const events = await stack.waitForEvents(signalId, [
      "entry_filled1",
      "target_hit1",
      "target_hit2",
      "stop_hit",
    ]);
    expect(events.map((e) => [e.seq, e.type, e.price])).toEqual([
      [0, "entry_filled", 41_000],
      [1, "target_hit", 43_000],
      [2, "target_hit", 44_000],
      [3, "stop_hit", 39_990], // the tick that crossed 40,000 printed 39,990
    ]);
    const outcome = await stack.outcome(signalId);
    expect(outcome).toMatchObject({
      status: "stopped",
      open: false,
      targetsHit: 2,
      marketSymbol: "BTCUSDT",
    });
    // A third each at 43,000 (+2,000) and 44,000 (+3,000), the last third at 39,990 (−1,010),
    // over a risk of 1,000: (2,000 + 3,000 − 1,010) / 3 / 1,000 = 1.33 R; 3.244 %; 32.44 % at 10x.
    expect(outcome?.result?.r).toBeCloseTo(1.33, 2);
    expect(outcome?.result?.leveragedPct).toBeCloseTo(32.44, 1);

    // The analyst claims a target the market never reached.
    const claim = await stack.post("BTC TP3 hit ✅", { replyTo: messageId });
    const [checked] = await waitFor(
      async () => {
        const rows = await stack.claims(signalId);
        return rows.length > 0 ? rows : false;
      },
      30_000,
      "the claim to be checked",
    );
    expect(checked).toMatchObject({
      followUpId: claim.signalId,
      verdict: "contradicted",
      claim: "TP3 hit",
    });
    expect((await stack.outcome(signalId))?.contradictedClaims).toBe(1);
  });

  it("catches up a target hit while the tracker was down, from klines, on restart", async () => {
    await stack.market.control.script("ETHUSDT", [{ type: "gap", to: 2_300 }, holdForever], true);
    // Posted over a minute ago, so the hit below is not in the minute of the post (whose
    // candle only counts against the signal: the post-minute rule has its own test).
    const { signalId } = await stack.post(
      "ETH/USDT LONG\nEntry: 2250\nTargets: 2400, 2500\nSL: 2150",
      { sourceAt: Date.now() - 65_000 },
    );
    await tracked(signalId);
    await stack.market.control.script("ETHUSDT", [...move(2_249), holdForever], true);
    await stack.waitForEvents(signalId, ["entry_filled1"]);
    await tracker.kill(); // crash: no lease released, nothing flushed
    // While it is down the market goes through TP1 and comes back.
    await stack.market.control.script(
      "ETHUSDT",
      [...move(2_410), ...move(2_350), holdForever],
      true,
    );
    await waitFor(
      async () => (await stack.market.control.price("ETHUSDT")) === 2_350,
      20_000,
      "ETH back at 2,350",
    );
    expect((await stack.events(signalId)).map((e) => e.type)).toEqual(["entry_filled"]);
    tracker = await stack.startTracker(); // same instance id: takes its lease back at once
    const events = await stack.waitForEvents(signalId, ["target_hit1"]);
    expect(events.map((e) => e.type)).toEqual(["entry_filled", "target_hit"]);
    const outcome = await stack.outcome(signalId);
    expect(outcome).toMatchObject({ status: "in_trade", targetsHit: 1, markPrice: 2_350 });
    // The card's open P&L, marked at the last price with that write: half out at TP1 2,400
    // (+150), half still in at 2,350 (+100), risk 100 → (75 + 50) / 100 = 1.25 R.
    expect(outcome?.openResult?.r).toBeCloseTo(1.25, 6);
  });

  it("catches up the minute of the post on restart: a hit after the post counts, a pump before it does not", async () => {
    await stack.market.control.script("BNBUSDT", [{ type: "gap", to: 580 }, holdForever], true);
    await tracker.kill(); // down from before the post until after the hit
    // Spike, post and hit inside one minute: start early enough in it.
    await waitFor(() => Date.now() % 60_000 < 30_000, 40_000, "the first half of a minute");
    await stack.market.control.script(
      "BNBUSDT",
      [...move(602, 300), ...move(580, 300), holdForever],
      true,
    );
    await waitFor(
      async () => (await stack.market.control.price("BNBUSDT")) === 602,
      10_000,
      "BNB pumped to 602",
    );
    await waitFor(
      async () => (await stack.market.control.price("BNBUSDT")) === 580,
      10_000,
      "BNB back at 580 after the pump",
    );
    const { signalId } = await stack.post("BNB/USDT LONG\nEntry: 575\nTargets: 590, 600\nSL: 560");
    const postedAt = Date.now();
    // After the post: a dip through the entry, then up through TP1 (not TP2), and it stays.
    await stack.market.control.script(
      "BNBUSDT",
      [...move(574, 300), ...move(591, 300), holdForever],
      true,
    );
    await waitFor(
      async () => (await stack.market.control.price("BNBUSDT")) === 591,
      10_000,
      "BNB at 591",
    );
    tracker = await stack.startTracker();
    const events = await stack.waitForEvents(signalId, ["target_hit1"]);
    // The pump to 602 before the post is not TP2; the fill and TP1 after it are, in that minute.
    expect(events.map((e) => [e.type, e.price])).toEqual([
      ["entry_filled", 575],
      ["target_hit", 590],
    ]);
    const hit = events[1];
    expect(hit?.at).toBeGreaterThanOrEqual(postedAt - 1_000);
    expect(hit?.at).toBeLessThan(postedAt + 60_000);
    expect(await stack.outcome(signalId)).toMatchObject({ status: "in_trade", targetsHit: 1 });
  });

  it("keeps tracking a signal deleted in the trade: its stop still counts", async () => {
    await stack.market.control.script("SOLUSDT", [{ type: "gap", to: 96 }, holdForever], true);
    const { messageId, signalId } = await stack.post(
      "SOL/USDT SHORT\nEntry: 97\nTargets: 90\nSL: 99",
    );
    await tracked(signalId);
    await stack.market.control.script("SOLUSDT", [...move(97.2), holdForever], true);
    await stack.waitForEvents(signalId, ["entry_filled1"]);
    await stack.remove(messageId);
    await stack.market.control.script("SOLUSDT", [...move(99.3), holdForever], true);
    await stack.waitForEvents(signalId, ["stop_hit"]);
    const outcome = await stack.outcome(signalId);
    expect(outcome).toMatchObject({ status: "stopped", open: false });
    expect(outcome?.result?.r).toBeLessThanOrEqual(-1);
  });

  it("applies an analyst's edit from its time: a stop moved up stops the trade there", async () => {
    await stack.market.control.script("XRPUSDT", [{ type: "gap", to: 0.62 }, holdForever], true);
    const sourceAt = Date.now();
    const text = (stop: string) => `XRP/USDT LONG\nEntry: 0.615\nTargets: 0.66\nSL: ${stop}`;
    const { messageId, signalId } = await stack.post(text("0.58"), { sourceAt });
    await tracked(signalId);
    await stack.market.control.script("XRPUSDT", [...move(0.614), holdForever], true);
    await stack.waitForEvents(signalId, ["entry_filled1"]);
    await stack.post(text("0.605"), { messageId, sourceAt, editedAt: Date.now() });
    await stack.waitForEvents(signalId, ["stop_moved"]);
    await stack.market.control.script("XRPUSDT", [...move(0.604), holdForever], true);
    const events = await stack.waitForEvents(signalId, ["stop_hit"]);
    expect(events.map((e) => e.type)).toEqual(["entry_filled", "stop_moved", "stop_hit"]);
    // Out at the new stop 0.605 (or the tick through it), R still against the first stop 0.58:
    // (0.605 − 0.615) / 0.035 ≈ −0.29 R instead of a full −1 R.
    const outcome = await stack.outcome(signalId);
    expect(outcome?.result?.r).toBeGreaterThan(-0.35);
    expect(outcome?.result?.r).toBeLessThan(-0.25);
  });
});
