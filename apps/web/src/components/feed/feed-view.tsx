"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import { useCallback, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import type { FeedFirstPage } from "@/lib/feed-first-page";
import { AlertSettings } from "./alert-settings";
import { FeedFilters } from "./feed-filters";
import { LockedPanel } from "./locked-panel";
import { NewSignalsBanner } from "./new-signals-banner";
import { SignalCard } from "./signal-card";
import { TierPicker } from "./tier-picker";
import type { FeedFilters as Filters } from "./types";
import { useInfiniteScroll } from "./use-infinite-scroll";
import { useLiveFeed } from "./use-live-feed";
import { useNewSignals } from "./use-new-signals";

const PAGE_SIZE = 20;

/**
 * The live feed, newest first, pushed over the subscription (no polling); see useLiveFeed.
 * `first` is what the server read for this request (lib/feed-first-page.ts): the page is drawn
 * from it until the live queries answer, and the live head then takes over the same cards.
 */
export function FeedView({ first }: { first: FeedFirstPage | null }) {
  const access = useQuery(api.feed.access, {}) ?? first?.access;
  const [filters, setFilters] = useState<Filters>({});
  const [pickedTier, setPickedTier] = useState<string | undefined>(undefined);
  const tiers = access !== undefined && !access.locked ? access.tiers : [];
  const tierKey = pickedTier !== undefined && tiers.includes(pickedTier) ? pickedTier : tiers[0];
  const pickedKey = tiers.length > 1 ? tierKey : undefined;
  const filterKey = useMemo(
    () => JSON.stringify([pickedKey ?? null, filters]),
    [pickedKey, filters],
  );
  const onFiltersChange = useCallback(
    (next: Filters) =>
      setFilters((previous) =>
        JSON.stringify(previous) === JSON.stringify(next) ? previous : next,
      ),
    [],
  );
  const open = access !== undefined && !access.locked;
  const { results, status, loadMore } = useLiveFeed(filters, pickedKey, open);
  const ready = status !== "LoadingFirstPage";
  const { newIds, clear } = useNewSignals(results, open && ready, filterKey);
  const sentinel = useInfiniteScroll(status === "CanLoadMore", () => loadMore(PAGE_SIZE));
  // Until the live feed's first answer, the server's page — for the view the server read (the
  // first tier, no filters); any other view waits for its own live result.
  const firstView = pickedTier === undefined && Object.keys(filters).length === 0;
  const serverPage = status === "LoadingFirstPage" && firstView ? first : null;
  const cards = serverPage?.cards ?? results;
  const settled = serverPage !== null ? serverPage.isDone : ready;

  if (access === undefined) return <p className="text-zinc-400">Loading…</p>;
  if (access.locked) return <LockedPanel purchaseUrl={access.purchaseUrl} />;

  return (
    <div className="flex flex-col gap-4">
      <TierPicker tiers={tiers} value={tierKey ?? ""} onChange={setPickedTier} />
      <FeedFilters onChange={onFiltersChange} />
      <AlertSettings />
      <NewSignalsBanner
        count={newIds.size}
        onClick={() => {
          window.scrollTo({ top: 0, behavior: "smooth" });
          clear();
        }}
      />
      {!settled && cards.length === 0 ? <p className="text-zinc-400">Loading signals…</p> : null}
      {settled && cards.length === 0 ? (
        <p className="text-zinc-400">
          No signals match. Clear a filter, or wait for the next call.
        </p>
      ) : null}
      <ol className="flex flex-col gap-4" aria-label="Signals, newest first">
        {cards.map((signal) => (
          // Cards off screen are laid out and painted only when scrolled near (the browser keeps
          // them in the accessibility tree and find-in-page); `auto` remembers a card's height.
          <li
            key={signal.id}
            className="[contain-intrinsic-size:auto_16rem] [content-visibility:auto]"
          >
            <SignalCard signal={signal} isNew={newIds.has(signal.id)} />
          </li>
        ))}
      </ol>
      <div ref={sentinel} />
      {status === "CanLoadMore" ? (
        <Button variant="secondary" onClick={() => loadMore(PAGE_SIZE)}>
          Load older signals
        </Button>
      ) : null}
      {status === "LoadingMore" ? <p className="text-zinc-400">Loading older signals…</p> : null}
      {status === "Exhausted" && results.length > 0 ? (
        <p className="text-center text-sm text-zinc-500">That&apos;s every signal.</p>
      ) : null}
    </div>
  );
}
