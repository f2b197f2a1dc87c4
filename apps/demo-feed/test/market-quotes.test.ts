// New signals are drawn around the market's current prices (the market emulator locally), not the
// fixed reference prices: the emulator's prices walk fast, and a signal far from the market never
// fills, so a demo's cards would never change.
import { DEMO_IDS, startEmulator, type RunningEmulator } from "@g3/discord-emulator";
import { startMarketEmulator, type RunningMarket } from "@g3/market-emulator";
import { seededRandom } from "@g3/seeded-random";
import { parseSignal, signalPair } from "@g3/signals";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runFeed } from "../src/feed.js";
import { createLogger } from "../src/logger.js";
import { readQuotes } from "../src/market-quotes.js";
import { INSTRUMENTS } from "../src/markets.js";

let emulator: RunningEmulator;
let market: RunningMarket;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  market = await startMarketEmulator({ port: 0, seed: "demo-feed-test" });
  // Every instrument far from its reference price, as after a while of a demo's fast walk.
  for (const i of INSTRUMENTS) {
    await market.control.script(`${i.base}${i.quote}`, [{ type: "gap", to: i.price * 1.5 }]);
  }
  const moved = () =>
    Promise.all(
      INSTRUMENTS.map(
        async (i) => (await market.control.price(`${i.base}${i.quote}`)) > i.price * 1.4,
      ),
    );
  while (!(await moved()).every(Boolean)) await new Promise((r) => setTimeout(r, 50));
});
afterAll(async () => {
  await emulator.close();
  await market.close();
});

test("the ticker gives each instrument's current price", async () => {
  const quotes = await readQuotes(market.url);
  for (const i of INSTRUMENTS) {
    const symbol = `${i.base}${i.quote}`;
    const now = await market.control.price(symbol);
    expect(quotes.get(symbol)).toBeGreaterThan(now * 0.98);
    expect(quotes.get(symbol)).toBeLessThan(now * 1.02);
  }
});

test("with a market, every new signal's levels sit within 6 % of the market price", async () => {
  const channelId = DEMO_IDS.sourceVipSignals;
  const before = new Set((await emulator.control.messages(channelId)).map((m) => m.id));
  const result = await runFeed({
    control: emulator.control,
    channelId,
    authorId: DEMO_IDS.analystUser,
    intervalMs: 1,
    count: 30,
    rng: seededRandom(7),
    logger: createLogger("silent"),
    signal: new AbortController().signal,
    marketUrl: market.url,
  });
  expect(result.failures).toBe(0);
  const posted = (await emulator.control.messages(channelId)).filter(
    (m) => !before.has(m.id) && m.message_reference?.message_id === undefined,
  );
  let checked = 0;
  for (const message of posted) {
    const parsed = parseSignal(message.content);
    const pair = signalPair(parsed);
    if (parsed.kind !== "signal" || pair === undefined) continue;
    const price = await market.control.price(pair.replace("/", ""));
    // Entries within 2.4 % of the price drawn around, the stop and targets a few steps beyond.
    for (const level of [...parsed.entries, ...parsed.targets, parsed.stopLoss ?? price]) {
      expect(Math.abs(level - price) / price, `${pair}: ${level} vs ${price}`).toBeLessThan(0.06);
    }
    checked++;
  }
  expect(checked).toBeGreaterThan(5);
});
