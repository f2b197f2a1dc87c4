"use client";

import { api } from "@convex/_generated/api";
import { usePaginatedQuery, useQuery } from "convex/react";
import { useEffect, useMemo, useState } from "react";
import { type LiveFeedState, mergeFeed, nextLiveFeedState, reissueDelayMs } from "@/lib/live-feed";
import type { FeedFilters, SignalCardData } from "./types";
import { useLivePass } from "./use-live-pass";

export type FeedStatus = "LoadingFirstPage" | "CanLoadMore" | "LoadingMore" | "Exhausted";

/** A value and the filter key it belongs to: a change of filters never shows stale results. */
type Keyed<T> = { key: string; value: T };

const NO_CARDS: SignalCardData[] = [];
/**
 * The history's first page: with the live head (5, anchored in its middle) about ten cards — two
 * screens of a phone, more than a desktop shows; scrolling loads the rest 20 at a time. Each card
 * rendered on arrival costs the first load (React renders every card it is given).
 */
const HISTORY_PAGE_SIZE = 8;

/**
 * The feed the dashboard shows, newest first, live. Without search or date bounds it is the
 * tier's shared live head (one evaluation per change for every viewer of the tier) merged with
 * the viewer's own paginated history, anchored inside the head (see lib/live-feed.ts). With
 * search or dates it is the viewer's own paginated query, live as well.
 */
export function useLiveFeed(filters: FeedFilters, tierKey: string | undefined, open: boolean) {
  const search = filters.search?.trim() ?? "";
  const liveMode = search.length === 0 && filters.from === undefined && filters.to === undefined;
  const key = JSON.stringify([tierKey ?? null, filters]);
  const liveFilters = useMemo(
    () => ({
      ...(filters.pair === undefined ? {} : { pair: filters.pair }),
      ...(filters.side === undefined ? {} : { side: filters.side }),
      ...(filters.channelId === undefined ? {} : { channelId: filters.channelId }),
    }),
    [filters.pair, filters.side, filters.channelId],
  );

  const { pass, renewAfter } = useLivePass(tierKey, open && liveMode);
  const live = useQuery(api.feed.live, pass === null ? "skip" : { pass, filters: liveFilters });
  // A renewed pass is a new subscription: the last state is shown until its first result.
  const [state, setState] = useState<Keyed<LiveFeedState<SignalCardData>> | null>(null);
  useEffect(() => {
    if (live === undefined || pass === null) return;
    if (!live.ok) {
      // Expired (the computer slept) or revoked (someone in the tier lost access): ask the gate
      // for a new pass; the cards on screen stay until its first result.
      renewAfter(reissueDelayMs(live.reason, Math.random()));
      return;
    }
    setState((previous) => ({
      key,
      value: nextLiveFeedState(
        previous?.key === key ? previous.value : null,
        live.cards,
        live.complete,
        pass.expiresAt,
      ),
    }));
  }, [live, pass, key, renewAfter]);
  const liveState = liveMode && state?.key === key ? state.value : null;

  const historyTo = liveState?.anchor ?? null;
  const wanted = liveMode ? historyTo !== null : true;
  const bounded = liveMode && historyTo !== null ? { ...filters, to: historyTo } : filters;
  const args = tierKey === undefined ? bounded : { ...bounded, tierKey };
  const paged = usePaginatedQuery(api.feed.list, open && wanted ? { filters: args } : "skip", {
    initialNumItems: HISTORY_PAGE_SIZE,
  });
  // Moving the anchor re-subscribes the history: keep its last pages until the new ones arrive.
  const [history, setHistory] = useState<Keyed<SignalCardData[]> | null>(null);
  useEffect(() => {
    if (paged.status !== "LoadingFirstPage") setHistory({ key, value: paged.results });
  }, [paged.results, paged.status, key]);
  const shownHistory = history?.key === key ? history.value : NO_CARDS;
  const merged = useMemo(
    () => (liveState === null ? NO_CARDS : mergeFeed(liveState, shownHistory)),
    [liveState, shownHistory],
  );

  if (!liveMode) return { results: paged.results, status: paged.status, loadMore: paged.loadMore };
  if (liveState === null) {
    return {
      results: NO_CARDS,
      status: "LoadingFirstPage" as FeedStatus,
      loadMore: paged.loadMore,
    };
  }
  const status: FeedStatus = liveState.complete
    ? "Exhausted"
    : paged.status === "LoadingFirstPage"
      ? "LoadingMore"
      : paged.status;
  return { results: merged, status, loadMore: paged.loadMore };
}
