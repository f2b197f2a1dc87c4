import { ConvexClient } from "convex/browser";
import { webSocketConstructor } from "./admin-client.js";
import { type LiveFeed, refs } from "./convex-api.js";
import { tagOf } from "./tags.js";
import type { BenchUser } from "./users.js";

type Subscriber = {
  client: ConvexClient;
  seenIds: Set<string>;
  /** tag → Date.now() of the first update that contained it. */
  firstSeen: Map<string, number>;
  ready: Promise<void>;
  close: () => Promise<void>;
};

/**
 * K signed-in dashboard subscribers: one ConvexClient (own WebSocket) per distinct user, each
 * doing what the dashboard does for new signals — get a live pass (`feed.livePass`, the access
 * gate), subscribe to the tier's live head (`feed.live`) and renew the pass each window. Records,
 * per subscriber, when each tagged signal first appeared in an update.
 */
export class Subscribers {
  private readonly subscribers: Subscriber[] = [];

  static async open(backendUrl: string, users: BenchUser[]): Promise<Subscribers> {
    const pool = new Subscribers();
    for (const user of users) pool.subscribers.push(subscribe(backendUrl, user));
    await Promise.all(pool.subscribers.map((subscriber) => subscriber.ready));
    return pool;
  }

  get size(): number {
    return this.subscribers.length;
  }

  /** Per subscriber, when it first saw `tag` (undefined where it has not). */
  sightings(tag: string): (number | undefined)[] {
    return this.subscribers.map((subscriber) => subscriber.firstSeen.get(tag));
  }

  /** How many subscribers have seen every tag. */
  complete(tags: readonly string[]): number {
    return this.subscribers.filter((subscriber) =>
      tags.every((tag) => subscriber.firstSeen.has(tag)),
    ).length;
  }

  async close(): Promise<void> {
    await Promise.all(this.subscribers.map((subscriber) => subscriber.close()));
  }
}

function subscribe(backendUrl: string, user: BenchUser): Subscriber {
  const client = new ConvexClient(backendUrl, {
    webSocketConstructor,
    unsavedChangesWarning: false,
    logger: false,
  });
  client.setAuth(() => Promise.resolve(user.token));
  const seenIds = new Set<string>();
  const firstSeen = new Map<string, number>();
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
      if (tag !== null && !firstSeen.has(tag)) firstSeen.set(tag, now);
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
  const close = async () => {
    closed = true;
    clearTimeout(renewTimer);
    unsubscribe();
    await client.close();
  };
  return { client, seenIds, firstSeen, ready, close };
}
