import { DEMO_IDS } from "@g3/discord-emulator";
import { ConvexClient } from "convex/browser";
import { type AdminClient, webSocketConstructor } from "./admin-client.js";
import { type LiveFeed, type LivePass, refs } from "./convex-api.js";
import { percentile } from "./stats.js";
import { type BenchUser, type SeedContext, seedPayingUsers, sendOrderEvent } from "./users.js";

export type RevocationLagResult = {
  /** ms from sending the signed `order.disputed` to the pass holder's live query refusing it. */
  lagsMs: number[];
  p50: number;
  p95: number;
  max: number;
  /** Signals inserted after a revocation that a revoked pass holder still received (must be 0). */
  leakedSignals: number;
};

type Watcher = {
  results: LiveFeed[];
  waitFor: (ok: (result: LiveFeed) => boolean, timeoutMs: number) => Promise<number>;
  close: () => Promise<void>;
};

/**
 * Revocation lag with the real clients against the running backend: per trial a fresh payer
 * takes a live pass and hands it to an anonymous client (a `ConvexClient` with no sign-in,
 * subscribed to `feed:live`), then the payer's order is disputed through the signed Sell.app
 * webhook (stored, processed by the scheduler, entitlement revoked). The lag ends when the
 * anonymous client's subscription stops answering with signals. A signal inserted afterwards
 * must reach an honest reader (with a fresh pass) and never the anonymous one.
 */
export async function measureRevocationLag(
  ctx: SeedContext & { admin: AdminClient },
  trials: number,
  say: (line: string) => void,
): Promise<RevocationLagResult> {
  const [honest] = await seedPayingUsers(ctx, 0, 1, () => undefined);
  if (honest === undefined) throw new Error("no honest reader seeded");
  const lagsMs: number[] = [];
  let leakedSignals = 0;
  let inserted = 0;
  for (let trial = 1; trial <= trials; trial++) {
    const [payer] = await seedPayingUsers(ctx, trial, trial + 1, () => undefined);
    if (payer === undefined) throw new Error("no payer seeded");
    const shared = await passOf(ctx.backendUrl, payer);
    const anonymous = watchLive(ctx.backendUrl, shared);
    try {
      await anonymous.waitFor((result) => result.ok, 15_000);
      const sentAt = Date.now();
      await sendOrderEvent(ctx, "order.disputed", payer);
      const refusedAt = await anonymous.waitFor((result) => !result.ok, 60_000);
      const last = anonymous.results.at(-1);
      if (last?.ok === false && last.reason !== "revoked") {
        throw new Error(`the pass ended as "${last.reason}", not by the revocation`);
      }
      lagsMs.push(refusedAt - sentAt);

      // A new signal after the revocation: the honest reader's fresh pass shows it, the
      // revoked pass never does.
      const before = anonymous.results.length;
      const reader = watchLive(ctx.backendUrl, await passOf(ctx.backendUrl, honest));
      try {
        await reader.waitFor((result) => result.ok, 15_000);
        const newest = (result: LiveFeed) => (result.ok ? result.cards[0]?.id : undefined);
        const last = reader.results.at(-1);
        const previousNewest = last === undefined ? undefined : newest(last);
        await ctx.admin.mutation(refs.insertSyntheticSignals, {
          tierKey: "vip",
          sourceGuildId: DEMO_IDS.sourceGuild,
          sourceChannelId: DEMO_IDS.sourceVipSignals,
          firstIndex: 1_000_000 + inserted++,
          count: 1,
        });
        await reader.waitFor((result) => newest(result) !== previousNewest, 15_000);
        leakedSignals += anonymous.results.slice(before).filter((result) => result.ok).length;
      } finally {
        await reader.close();
      }
      say(`  trial ${trial}/${trials}: revoked pass refused after ${lagsMs.at(-1)} ms`);
    } finally {
      await anonymous.close();
    }
  }
  const sorted = [...lagsMs].sort((a, b) => a - b);
  return {
    lagsMs,
    p50: percentile(sorted, 50) ?? 0,
    p95: percentile(sorted, 95) ?? 0,
    max: sorted.at(-1) ?? 0,
    leakedSignals,
  };
}

async function passOf(backendUrl: string, user: BenchUser): Promise<LivePass> {
  const client = new ConvexClient(backendUrl, {
    webSocketConstructor,
    unsavedChangesWarning: false,
    logger: false,
  });
  client.setAuth(() => Promise.resolve(user.token));
  try {
    const issued = await client.mutation(refs.livePass, {});
    if (issued.locked) throw new Error(`${user.email} got no pass (${issued.reason})`);
    return issued.pass;
  } finally {
    await client.close();
  }
}

/** An anonymous client subscribed to the live head with someone's pass. */
function watchLive(backendUrl: string, pass: LivePass): Watcher {
  const client = new ConvexClient(backendUrl, {
    webSocketConstructor,
    unsavedChangesWarning: false,
    logger: false,
  });
  const results: LiveFeed[] = [];
  const waiters: { ok: (result: LiveFeed) => boolean; resolve: (at: number) => void }[] = [];
  const unsubscribe = client.onUpdate(refs.liveFeed, { pass }, (result) => {
    const at = Date.now();
    results.push(result);
    for (const waiter of [...waiters]) {
      if (!waiter.ok(result)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(at);
    }
  });
  return {
    results,
    waitFor: (ok, timeoutMs) => {
      const last = results.at(-1);
      if (last !== undefined && ok(last)) return Promise.resolve(Date.now());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching live result within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          ok,
          resolve: (at) => {
            clearTimeout(timer);
            resolve(at);
          },
        });
      });
    },
    close: async () => {
      unsubscribe();
      await client.close();
    },
  };
}
