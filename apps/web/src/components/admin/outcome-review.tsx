"use client";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import { useQuery } from "convex/react";
import { useState } from "react";
import { formatTime } from "@/lib/format";

const sectionClass = "flex flex-col gap-2 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4";
const buttonClass = "text-left text-sky-300 underline hover:text-sky-200";

/**
 * What the market contradicts: analysts' claims it never gave, and losers deleted after their
 * stop (they still count). Each row opens the signal's edit history and outcome events.
 */
export function OutcomeReview() {
  const discrepancies = useQuery(api.outcomes.discrepancies, { limit: 50 });
  const deleted = useQuery(api.outcomeReview.deletedLosers, {});
  const [open, setOpen] = useState<Id<"signals"> | undefined>(undefined);
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="claims-heading" className={sectionClass}>
        <h2 id="claims-heading" className="text-lg font-semibold text-white">
          Claims the market contradicts
        </h2>
        {discrepancies === undefined ? (
          <p className="text-sm text-zinc-400">Loading…</p>
        ) : discrepancies.length === 0 ? (
          <p className="text-sm text-zinc-400">None: every checked claim matches the market.</p>
        ) : (
          <ul data-testid="discrepancies" className="flex flex-col gap-2 text-sm">
            {discrepancies.map((d) => (
              <li key={d.claimId} className="flex flex-col gap-0.5 border-t border-zinc-800 pt-2">
                <button type="button" className={buttonClass} onClick={() => setOpen(d.signalId)}>
                  {d.pair ?? "Signal"} · “{d.claim}” · {formatTime(d.claimAt)}
                </button>
                <span className="text-zinc-300">
                  {d.detail}
                  {d.status === undefined ? "" : ` · outcome: ${d.status.replace("_", " ")}`}
                  {d.signalDeletedAt === undefined ? "" : " · signal deleted"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="deleted-heading" className={sectionClass}>
        <h2 id="deleted-heading" className="text-lg font-semibold text-white">
          Losers deleted after the stop
        </h2>
        {deleted === undefined ? (
          <p className="text-sm text-zinc-400">Loading…</p>
        ) : deleted.length === 0 ? (
          <p className="text-sm text-zinc-400">None among the newest 500 closed trades.</p>
        ) : (
          <ul data-testid="deleted-losers" className="flex flex-col gap-1 text-sm">
            {deleted.map((d) => (
              <li key={d.signalId}>
                <button type="button" className={buttonClass} onClick={() => setOpen(d.signalId)}>
                  {d.pair ?? "Signal"} ({d.tierKey}) ·{" "}
                  {d.r === undefined ? `${d.pct} %` : `${d.r} R`} · closed {formatTime(d.closedAt)}{" "}
                  · deleted {formatTime(d.deletedAt)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {open === undefined ? null : <SignalHistory signalId={open} />}
    </div>
  );
}

function SignalHistory({ signalId }: { signalId: Id<"signals"> }) {
  const history = useQuery(api.outcomeReview.signalHistory, { signalId });
  if (history === undefined) return <p className="text-sm text-zinc-400">Loading…</p>;
  if (history === null) return <p className="text-sm text-zinc-400">No such signal.</p>;
  return (
    <section
      aria-labelledby="history-heading"
      className={sectionClass}
      data-testid="signal-history"
    >
      <h2 id="history-heading" className="text-lg font-semibold text-white">
        {history.pair ?? "Signal"} · edit history and outcome
      </h2>
      <ol className="flex flex-col gap-2 text-sm">
        {history.revisions.map((r) => (
          <li key={r.version}>
            <p className="text-zinc-400">
              v{r.version} · {r.change} · {formatTime(r.at)}
            </p>
            <pre className="whitespace-pre-wrap rounded bg-zinc-950 p-2 font-mono text-zinc-200">
              {r.content}
            </pre>
          </li>
        ))}
      </ol>
      <ul className="flex flex-col gap-0.5 text-sm text-zinc-300">
        {history.events.map((e, i) => (
          <li key={i}>
            {e.type.replace("_", " ")} {e.price === undefined ? "" : `at ${e.price}`} ·{" "}
            {formatTime(e.at)}
          </li>
        ))}
      </ul>
    </section>
  );
}
