import { ConvexClient } from "convex/browser";
import { webSocketConstructor } from "./admin-client.js";
import { type FeedPage, type LiveFeed, type SignalCard, refs } from "./convex-api.js";
import { tagOf } from "./tags.js";
import type { BenchUser } from "./users.js";

export type Dashboard = { ready: Promise<void>; close: () => Promise<void> };

/** Cards per history page when a reader scrolls down to what a burst pushed past the head. */
const GAP_PAGE_SIZE = 100;

/**
 * One signed-in dashboard: its own ConvexClient (own WebSocket) doing what the web dashboard does
 * for new signals — get a live pass (`feed.livePass`, the access gate), subscribe to the tier's
 * live head (`feed.live`) and renew the pass each window — and, when a burst pushes signals past
 * the head between two results, reading them from its own history (`feed.list`, per-user gate)
 * like a reader scrolling down. Calls `onSeen(tag, Date.now())` the first time a signal shows.
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

  const see = (cards: readonly SignalCard[], at: number) => {
    for (const card of cards) {
      if (seenIds.has(card.id)) continue;
      seenIds.add(card.id);
      const tag = tagOf(card.content);
      if (tag !== null) onSeen(tag, at);
    }
  };
  /** Newest `postedAt` shown so far: anything newer than it that the head skipped is a gap. */
  let watermark: number | null = null;
  const onResult = (result: LiveFeed) => {
    const now = Date.now();
    if (!result.ok) {
      // Revoked (someone in the tier lost access: every pass of the tier died) or expired: a new
      // pass from the gate, spread over 2 s on revocation as the dashboard does.
      clearTimeout(renewTimer);
      const delay = result.reason === "revoked" ? Math.round(Math.random() * 2_000) : 0;
      renewTimer = setTimeout(() => void renew(), delay);
      return;
    }
    const oldest = result.cards.at(-1);
    if (watermark !== null && oldest !== undefined && oldest.postedAt > watermark) {
      // More signals arrived between two results than the head holds (a burst). The dashboard
      // shows the skipped ones from the viewer's history; this reader scrolls down to them.
      void fillGap(watermark, oldest.postedAt);
    }
    see(result.cards, now);
    const newest = result.cards[0]?.postedAt;
    if (newest !== undefined && (watermark === null || newest > watermark)) watermark = newest;
    resolveReady();
  };
  const fillGap = async (from: number, to: number) => {
    let cursor: string | null = null;
    try {
      for (;;) {
        const page: FeedPage = await client.query(refs.feedList, {
          paginationOpts: { numItems: GAP_PAGE_SIZE, cursor },
          filters: { from, to },
        });
        see(page.page, Date.now());
        if (page.isDone || closed) return;
        cursor = page.continueCursor;
      }
    } catch (error) {
      if (!closed) rejectReady(error instanceof Error ? error : new Error(String(error)));
    }
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
