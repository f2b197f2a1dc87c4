// Measures the hot pure paths: signature verification, parsing, and re-deriving a source.
// Run: pnpm --filter @g3/payments bench
import {
  buildSellappEvent,
  deriveEntitlement,
  parseSellappBody,
  type ReducerEvent,
  sellappDedupeKey,
  signSellappBody,
  toReducerEvent,
  verifySellappSignature,
} from "../src/index";

const DAY = 24 * 60 * 60 * 1000;
const SECRET = "bench-secret-bench-secret-bench-secret";

async function measure(name: string, iterations: number, run: () => unknown): Promise<void> {
  for (let i = 0; i < Math.min(iterations, 200); i++) await run();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await run();
  const ms = performance.now() - start;
  console.log(
    JSON.stringify({
      bench: name,
      iterations,
      totalMs: Number(ms.toFixed(1)),
      usPerOp: Number(((ms * 1000) / iterations).toFixed(2)),
    }),
  );
}

const delivery = buildSellappEvent("order.paid", { shape: "v2" });
const signature = await signSellappBody(delivery.rawBody, SECRET);

// A subscription with 24 monthly renewals, a cancel and a dispute: a long-lived customer.
const history: ReducerEvent[] = [];
for (let month = 0; month < 26; month++) {
  const kind =
    month === 0
      ? "subscription.created"
      : month === 25
        ? "subscription.cancelled"
        : "subscription.renewed";
  const body = buildSellappEvent(kind, {
    occurredAt: month * 30 * DAY,
    periodEnd: (month + 1) * 30 * DAY,
  }).rawBody;
  const parsed = parseSellappBody(body);
  if (!parsed.ok) throw new Error(parsed.reason);
  history.push(toReducerEvent(parsed.event, await sellappDedupeKey(parsed.event, body), 0));
}
const shuffled = history.slice().reverse();

await measure("verifySellappSignature (1 secret)", 5_000, () =>
  verifySellappSignature(delivery.rawBody, signature, SECRET),
);
await measure("verifySellappSignature (2 secrets, rotation)", 5_000, () =>
  verifySellappSignature(delivery.rawBody, signature, ["other-secret-other-secret-other", SECRET]),
);
await measure("parseSellappBody (v2 order)", 20_000, () => parseSellappBody(delivery.rawBody));
await measure("deriveEntitlement (26 events, reversed delivery)", 20_000, () =>
  deriveEntitlement(shuffled, {
    source: "subscription",
    subscriptionPeriodMs: 30 * DAY,
    graceMs: DAY,
  }),
);
