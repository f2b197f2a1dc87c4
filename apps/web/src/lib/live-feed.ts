/**
 * The dashboard's feed is made of two subscriptions: the live head (a tier's newest signals, one
 * evaluation shared by every viewer of the tier) and the viewer's own paginated history, which
 * ends at an anchor inside the head so the two overlap. The anchor moves at most once per pass
 * window (so history is not re-subscribed by every viewer on every new signal) unless a burst
 * skipped past unseen cards; cards that slide out of the head in between are kept as last seen,
 * so nothing ever drops out of view.
 */
/**
 * Both subscriptions list by post time (`postedAt`, Discord's timestamp; the server's feed
 * indexes end in it), so the merge orders and anchors by it too: imported history is ingested
 * long after it was posted and must sit below what was posted since, not above it.
 */
export type FeedItem = {
  readonly id: string;
  readonly postedAt: number;
  readonly createdAt: number;
};

export type LiveFeedState<T extends FeedItem> = {
  readonly head: readonly T[];
  readonly complete: boolean;
  /** History covers signals posted at or before this (null: the head holds every signal). */
  readonly anchor: number | null;
  /** The pass window in which the anchor was last placed. */
  readonly anchorEpoch: number | null;
  /** Cards that slid out of the head and are not yet covered by loaded history, newest first. */
  readonly retained: readonly T[];
};

/** At most this many slid-out cards are kept (a long burst with the tab open). */
export const MAX_RETAINED = 500;

/** Folds a new live head result into the state; `epoch` identifies the pass window. */
export function nextLiveFeedState<T extends FeedItem>(
  previous: LiveFeedState<T> | null,
  head: readonly T[],
  complete: boolean,
  epoch: number,
): LiveFeedState<T> {
  if (complete) return { head, complete, anchor: null, anchorEpoch: null, retained: [] };
  const inHead = new Set(head.map((item) => item.id));
  const slid = (previous?.head ?? []).filter((item) => !inHead.has(item.id));
  const retained = newestFirst(dedupe([...slid, ...(previous?.retained ?? [])])).filter(
    (item) => !inHead.has(item.id),
  );
  const oldest = head.at(-1);
  const middle = head[Math.floor(head.length / 2)] ?? oldest;
  const previousAnchor = previous?.anchor ?? null;
  const gap = oldest !== undefined && previousAnchor !== null && oldest.postedAt > previousAnchor;
  // More than a head's worth arrived between two results: cards in between were never seen, so
  // only history can show them — move the anchor now rather than at the next window.
  const previousNewest = previous?.head[0];
  const unseen =
    oldest !== undefined &&
    previousNewest !== undefined &&
    previousNewest.postedAt < oldest.postedAt;
  const place =
    middle !== undefined &&
    (previousAnchor === null || (gap && (unseen || previous?.anchorEpoch !== epoch)));
  return {
    head,
    complete,
    anchor: place ? middle.postedAt : previousAnchor,
    anchorEpoch: place ? epoch : (previous?.anchorEpoch ?? null),
    retained: retained.slice(0, MAX_RETAINED),
  };
}

/** Head first, then history and retained cards (the live history copy wins), newest first. */
export function mergeFeed<T extends FeedItem>(state: LiveFeedState<T>, history: readonly T[]): T[] {
  const inHead = new Set(state.head.map((item) => item.id));
  const older = dedupe([...history, ...state.retained]).filter((item) => !inHead.has(item.id));
  return [...state.head, ...newestFirst(older)];
}

/**
 * When to fetch the next live pass: a little after the next window opens (the current pass is
 * valid until the end of that window), spread over 20 s so viewers don't all ask at once.
 */
export function renewDelayMs(renewAt: number, now: number, jitter: number): number {
  return Math.max(0, renewAt - now) + Math.round(jitter * 20_000);
}

/** How long the re-issue after a tier's passes were revoked is spread: see reissueDelayMs. */
export const REVOKED_REISSUE_SPREAD_MS = 2_000;

/**
 * When to ask for a new pass after the live query refused the current one. "revoked" (someone in
 * the tier lost access, so every viewer's pass died at the same moment) is spread over 2 s so N
 * open dashboards don't hit the gate in the same instant; the screen keeps its last cards
 * meanwhile, so nothing flickers. An expired pass (the computer slept) is replaced at once.
 */
export function reissueDelayMs(reason: "expired" | "invalid" | "revoked", jitter: number): number {
  return reason === "revoked" ? Math.round(jitter * REVOKED_REISSUE_SPREAD_MS) : 0;
}

function dedupe<T extends FeedItem>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && (seen.add(item.id), true));
}

/**
 * Newest posted first, as the server's index reads: equal post times by ingest time (the index's
 * implicit `_creationTime`), then by id so the order never depends on which list a card came from.
 */
function newestFirst<T extends FeedItem>(items: T[]): T[] {
  return items.sort(
    (a, b) =>
      b.postedAt - a.postedAt ||
      b.createdAt - a.createdAt ||
      (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}
