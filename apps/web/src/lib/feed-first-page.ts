import { api } from "@convex/_generated/api";
import type { FunctionReturnType } from "convex/server";
import { fetchQuery } from "convex/nextjs";
import type { SignalCardData } from "@/components/feed/types";

/**
 * As many cards as the live head holds (convex/feed.ts LIVE_HEAD_SIZE): the first screen of a
 * phone shows one or two, and the live head that replaces them carries the same five, so the
 * hand-over changes nothing on screen. More would only lengthen the HTML the browser parses.
 */
export const FIRST_PAGE_SIZE = 5;

export type FeedAccess = FunctionReturnType<typeof api.feed.access>;

/** The feed as the server saw it for this request: drawn before the WebSocket is up. */
export type FeedFirstPage = {
  access: FeedAccess;
  /** The viewer's newest cards (first tier, no filters); always empty when the feed is locked. */
  cards: SignalCardData[];
  /** True when `cards` are all there is (an empty feed says so at once). */
  isDone: boolean;
};

/**
 * The feed's first page read on the server with the viewer's own token, so the largest paint does
 * not wait for the WebSocket, the live pass and the live head (docs/performance.md "Lighthouse").
 * Both queries check access themselves from the token's identity; a locked answer from either
 * gives no cards. Null when there is no token or the backend did not answer: the page then loads
 * as before, from the live queries alone.
 */
export async function loadFeedFirstPage(
  token: string | undefined,
  url: string,
): Promise<FeedFirstPage | null> {
  if (token === undefined) return null;
  try {
    const options = { token, url };
    // In parallel: feed.list runs the same access gate, so it never needs access's answer first.
    const [access, page] = await Promise.all([
      fetchQuery(api.feed.access, {}, options),
      fetchQuery(
        api.feed.list,
        { paginationOpts: { numItems: FIRST_PAGE_SIZE, cursor: null } },
        options,
      ),
    ]);
    if (access.locked) return { access, cards: [], isDone: true };
    // Access ended between the two reads: no cards, and the live queries decide what to show.
    if (page.locked) return null;
    return { access, cards: page.page, isDone: page.isDone };
  } catch {
    return null;
  }
}
