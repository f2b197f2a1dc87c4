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
  await stack.market.control.script("BTCUSDT", [{ type: "hold", durationMs: 3_600_000 }], true);
  await stack.market.control.script("ETHUSDT", [{ type: "hold", durationMs: 3_600_000 }], true);
  await stack.market.control.script("SOLUSDT", [{ type: "hold", durationMs: 3_600_000 }], true);
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
    await stack.market.control.script("BTCUSDT", [{ type: "gap", to: 65_000 }, holdForever], true);
    const { messageId, signalId } = await stack.post(
      "BTC/USDT LONG\nEntry: 64000\nTargets: 66000, 67000, 68000\nSL: 63000\nLeverage: 10x",
    );
    await tracked(signalId);
    await stack.market.control.script(
      "BTCUSDT",
      [...move(63_990), ...move(66_010), ...move(67_010), ...move(62_990, 1_000), holdForever],
      true,
    );
    const events = await stack.waitForEvents(signalId, [
      "entry_filled1",
      "target_hit1",
      "target_hit2",
      "stop_hit",
    ]);
    expect(events.map((e) => [e.seq, e.type, e.price])).toEqual([
      [0, "entry_filled", 64_000],
      [1, "target_hit", 66_000],
      [2, "target_hit", 67_000],
      [3, "stop_hit", 62_990], // the tick that crossed 63,000 printed 62,990
    ]);
    const outcome = await stack.outcome(signalId);
    expect(outcome).toMatchObject({
      status: "stopped",
      open: false,
      targetsHit: 2,
      marketSymbol: "BTCUSDT",
    });
    // A third each at 66,000 (+2,000) and 67,000 (+3,000), the last third at 62,990 (−1,010),
    // over a risk of 1,000: (2,000 + 3,000 − 1,010) / 3 / 1,000 = 1.33 R; 2.078 %; 20.78 % at 10x.
    expect(outcome?.result?.r).toBeCloseTo(1.33, 2);
    expect(outcome?.result?.leveragedPct).toBeCloseTo(20.78, 1);

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
    await stack.market.control.script("ETHUSDT", [{ type: "gap", to: 3_200 }, holdForever], true);
    const { signalId } = await stack.post(
      "ETH/USDT LONG\nEntry: 3150\nTargets: 3300, 3400\nSL: 3000",
    );
    await tracked(signalId);
    await stack.market.control.script("ETHUSDT", [...move(3_149), holdForever], true);
    await stack.waitForEvents(signalId, ["entry_filled1"]);
    await tracker.kill(); // crash: no lease released, nothing flushed
    // While it is down the market goes through TP1 and comes back.
    await stack.market.control.script(
      "ETHUSDT",
      [...move(3_310), ...move(3_250), holdForever],
      true,
    );
    await waitFor(
      async () => (await stack.market.control.price("ETHUSDT")) === 3_250,
      20_000,
      "ETH back at 3,250",
    );
    expect((await stack.events(signalId)).map((e) => e.type)).toEqual(["entry_filled"]);
    tracker = await stack.startTracker(); // same instance id: takes its lease back at once
    const events = await stack.waitForEvents(signalId, ["target_hit1"]);
    expect(events.map((e) => e.type)).toEqual(["entry_filled", "target_hit"]);
    expect(await stack.outcome(signalId)).toMatchObject({ status: "in_trade", targetsHit: 1 });
  });

  it("keeps tracking a signal deleted in the trade: its stop still counts", async () => {
    await stack.market.control.script("SOLUSDT", [{ type: "gap", to: 150 }, holdForever], true);
    const { messageId, signalId } = await stack.post(
      "SOL/USDT SHORT\nEntry: 151\nTargets: 140\nSL: 155",
    );
    await tracked(signalId);
    await stack.market.control.script("SOLUSDT", [...move(151.5), holdForever], true);
    await stack.waitForEvents(signalId, ["entry_filled1"]);
    await stack.remove(messageId);
    await stack.market.control.script("SOLUSDT", [...move(155.5), holdForever], true);
    await stack.waitForEvents(signalId, ["stop_hit"]);
    const outcome = await stack.outcome(signalId);
    expect(outcome).toMatchObject({ status: "stopped", open: false });
    expect(outcome?.result?.r).toBeLessThanOrEqual(-1);
  });
});
