"use client";

import { api } from "@convex/_generated/api";
import { usePaginatedQuery } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ParseReviewItem } from "./parse-review-item";

const VIEWS = [
  { view: "open", label: "Needs review" },
  { view: "edited", label: "Edited by the author" },
  { view: "corrected", label: "Corrected" },
] as const;

type View = (typeof VIEWS)[number]["view"];

/** Signals whose reading needs an admin's eye, newest first, one view at a time. */
export function ParseReviewList() {
  const [view, setView] = useState<View>("open");
  const { results, status, loadMore } = usePaginatedQuery(
    api.parseReview.list,
    { view },
    { initialNumItems: 20 },
  );
  return (
    <section aria-labelledby="review-title" className="flex flex-col gap-3">
      <h2 id="review-title" className="text-lg font-semibold text-white">
        Parse review
      </h2>
      <div role="tablist" aria-label="Review views" className="flex flex-wrap gap-1">
        {VIEWS.map((option) => (
          <button
            key={option.view}
            type="button"
            role="tab"
            aria-selected={view === option.view}
            onClick={() => setView(option.view)}
            className={`rounded px-3 py-1.5 text-sm ${
              view === option.view
                ? "bg-zinc-800 text-white"
                : "text-zinc-400 hover:bg-zinc-900 hover:text-white"
            }`}
          >
            {option.label}
          </button>
        ))}
      </div>
      {status === "LoadingFirstPage" ? <p className="text-zinc-400">Loading…</p> : null}
      {status !== "LoadingFirstPage" && results.length === 0 ? (
        <p className="text-zinc-400">Nothing here.</p>
      ) : null}
      <ol className="flex flex-col gap-2" aria-label="Signals, newest first">
        {results.map((item) => (
          <ParseReviewItem key={item.id} item={item} />
        ))}
      </ol>
      {status === "CanLoadMore" ? (
        <Button variant="secondary" onClick={() => loadMore(20)}>
          Load older signals
        </Button>
      ) : null}
    </section>
  );
}
