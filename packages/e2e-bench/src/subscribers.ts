import { ConvexClient } from "convex/browser";
import { webSocketConstructor } from "./admin-client.js";
import { refs } from "./convex-api.js";
import { tagOf } from "./tags.js";
import type { BenchUser } from "./users.js";

/** The dashboard's first page (apps/web feed-view PAGE_SIZE). */
export const FEED_PAGE_SIZE = 20;

type Subscriber = {
  client: ConvexClient;
  seenIds: Set<string>;
  /** tag → Date.now() of the first update that contained it. */
  firstSeen: Map<string, number>;
  ready: Promise<void>;
  unsubscribe: () => void;
};

/**
 * K signed-in dashboard subscribers: one ConvexClient (own WebSocket) per distinct user, each
 * subscribed to the real feed query with the dashboard's arguments. Records, per subscriber, when
 * each tagged signal first appeared in an update.
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
    for (const subscriber of this.subscribers) subscriber.unsubscribe();
    await Promise.all(this.subscribers.map((subscriber) => subscriber.client.close()));
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
  const unsubscribe = client.onUpdate(
    refs.feedList,
    { paginationOpts: { numItems: FEED_PAGE_SIZE, cursor: null } },
    (result) => {
      const now = Date.now();
      if (result.locked) {
        rejectReady(new Error(`${user.email} got a locked feed (${result.lockReason ?? "?"})`));
        return;
      }
      for (const card of result.page) {
        if (seenIds.has(card.id)) continue;
        seenIds.add(card.id);
        const tag = tagOf(card.content);
        if (tag !== null && !firstSeen.has(tag)) firstSeen.set(tag, now);
      }
      resolveReady();
    },
    (error) => rejectReady(error),
  );
  return { client, seenIds, firstSeen, ready, unsubscribe };
}
