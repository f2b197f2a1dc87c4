import { ConvexClient } from "convex/browser";
import { webSocketConstructor } from "./admin-client.js";
import { type LiveFeed, refs } from "./convex-api.js";
import { tagOf } from "./tags.js";
import type { BenchUser } from "./users.js";

export type Dashboard = { ready: Promise<void>; close: () => Promise<void> };

/**
 * One signed-in dashboard: its own ConvexClient (own WebSocket) doing what the web dashboard does
 * for new signals — get a live pass (`feed.livePass`, the access gate), subscribe to the tier's
 * live head (`feed.live`) and renew the pass each window. Calls `onSeen(tag, Date.now())` the
 * first time an update contains a tagged signal.
 */
export function openDashboard(
  backendUrl: string,
  user: BenchUser,
  onSeen: (tag: string, at: number) => void,
): Dashboard {
  const client = new ConvexClient(backendUrl, {
    webSocketConstructor,
    unsavedChangesWarning: false,
    logger: false,
  });
  client.setAuth(() => Promise.resolve(user.token));
  const seenIds = new Set<string>();
  let resolveReady: () => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  let closed = false;
  let unsubscribe: () => void = () => undefined;
  let renewTimer: NodeJS.Timeout | undefined;

  const onResult = (result: LiveFeed) => {
    const now = Date.now();
    if (!result.ok) return; // an expired pass: the renewal below replaces it
    for (const card of result.cards) {
      if (seenIds.has(card.id)) continue;
      seenIds.add(card.id);
      const tag = tagOf(card.content);
      if (tag !== null) onSeen(tag, now);
    }
    resolveReady();
  };
  // The dashboard's pass cycle: subscribe with the new pass, then drop the old subscription.
  const renew = async () => {
    try {
      const issued = await client.mutation(refs.livePass, {});
      if (closed) return;
      if (issued.locked) {
        rejectReady(new Error(`${user.email} got a locked feed (${issued.reason})`));
        return;
      }
      const previous = unsubscribe;
      unsubscribe = client.onUpdate(refs.liveFeed, { pass: issued.pass }, onResult, (error) =>
        rejectReady(error),
      );
      previous();
      renewTimer = setTimeout(
        () => void renew(),
        Math.max(0, issued.renewAt - Date.now()) + Math.round(Math.random() * 20_000),
      );
    } catch (error) {
      rejectReady(error instanceof Error ? error : new Error(String(error)));
    }
  };
  void renew();
  return {
    ready,
    close: async () => {
      closed = true;
      clearTimeout(renewTimer);
      unsubscribe();
      await client.close();
    },
  };
}
