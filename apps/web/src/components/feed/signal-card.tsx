import { memo } from "react";
import Link from "next/link";
import { cardDisplay } from "@/lib/card-display";
import { followUpFacts } from "@/lib/follow-up";
import { formatTime } from "@/lib/format";
import { AttachmentList } from "./attachment-list";
import { OutcomeStatus } from "./outcome-status";
import { SideBadge } from "./side-badge";
import { SignalLevels } from "./signal-levels";
import type { SignalCardData } from "./types";

const KIND_LABELS: Record<SignalCardData["kind"], string> = {
  signal: "Signal",
  entry_hit: "Entry hit",
  target_hit: "Target hit",
  stop_hit: "Stop hit",
  move_stop: "Stop moved",
  partial_close: "Partial close",
  close: "Closed",
  cancel: "Cancelled",
  note: "Note",
};

type SignalCardProps = { signal: SignalCardData; isNew: boolean };

/**
 * One card. Every live update brings new objects for the cards it carries, so the comparison is by
 * what a card shows — version, deletion, attachments, the reading and how far it is trusted (an
 * admin's correction changes them without a new version), the market's outcome — and an unchanged
 * card is not rendered again.
 */
export const SignalCard = memo(
  SignalCardView,
  (before: SignalCardProps, after: SignalCardProps) =>
    before.isNew === after.isNew && sameCardContent(before.signal, after.signal),
);

function sameCardContent(a: SignalCardData, b: SignalCardData): boolean {
  return (
    a.id === b.id &&
    a.version === b.version &&
    a.deletedAt === b.deletedAt &&
    a.parseStatus === b.parseStatus &&
    JSON.stringify(a.parsed) === JSON.stringify(b.parsed) &&
    JSON.stringify(a.outcome) === JSON.stringify(b.outcome) &&
    attachmentsShown(a) === attachmentsShown(b)
  );
}

/**
 * Which files a card shows and how — not their links: links are re-signed every few minutes,
 * and an image already on screen must not be downloaded again for that. An expired link is
 * replaced when it is used (AttachmentList).
 */
function attachmentsShown(card: SignalCardData): string {
  return card.attachments.map((file) => `${file.id}:${file.display}`).join("\n");
}

function SignalCardView({ signal, isNew }: SignalCardProps) {
  const deleted = signal.deletedAt !== undefined;
  const facts = followUpFacts({ ...signal.parsed, kind: signal.kind });
  const isFollowUp = signal.kind !== "signal" && signal.kind !== "note";
  const display = cardDisplay(signal);
  return (
    <article
      aria-labelledby={`signal-${signal.id}-title`}
      data-testid="signal-card"
      className={`flex flex-col gap-3 rounded-xl border bg-zinc-900/70 p-4 ${
        isNew ? "border-emerald-500/70 shadow-[0_0_0_1px] shadow-emerald-500/40" : "border-zinc-800"
      } ${deleted ? "opacity-70" : ""}`}
    >
      <header className="flex flex-wrap items-center gap-2">
        <h2 id={`signal-${signal.id}-title`} className="text-lg font-semibold text-white">
          {signal.pair ?? signal.parsed.symbol?.raw ?? KIND_LABELS[signal.kind]}
        </h2>
        {/* A shaky reading's side may be as wrong as its levels. */}
        <SideBadge side={display.leadWithText ? undefined : signal.side} />
        {signal.kind !== "signal" ? (
          <span className="rounded bg-zinc-800 px-2 py-0.5 text-xs text-zinc-300">
            {KIND_LABELS[signal.kind]}
          </span>
        ) : null}
        {isNew ? (
          <span className="rounded bg-emerald-500 px-2 py-0.5 text-xs font-bold text-zinc-950">
            NEW
          </span>
        ) : null}
        {signal.editedAt !== undefined ? (
          <Link
            href={`/signals/${signal.id}`}
            className="rounded bg-amber-500/15 px-2 py-0.5 text-xs text-amber-300 underline"
          >
            Edited · v{signal.version} · history
          </Link>
        ) : null}
        {deleted ? (
          <Link
            href={`/signals/${signal.id}`}
            className="rounded bg-rose-500/15 px-2 py-0.5 text-xs text-rose-300 underline"
          >
            Deleted by the author · history
          </Link>
        ) : null}
        {display.corrected ? (
          <span
            data-testid="corrected-badge"
            className="rounded bg-sky-500/15 px-2 py-0.5 text-xs text-sky-300"
          >
            Checked by an admin
          </span>
        ) : null}
        {/* Relative to now: the feed's first page is drawn on the server, and "3 min ago" there
            may be "4 min ago" by the time the browser hydrates it — not a mismatch to report. */}
        <time
          dateTime={new Date(signal.postedAt).toISOString()}
          className="ml-auto text-xs text-zinc-400"
          suppressHydrationWarning
        >
          {formatTime(signal.postedAt)}
        </time>
      </header>
      {display.checkMessage === undefined ? null : (
        <p
          data-testid="check-message"
          className="rounded-md border border-amber-500/40 bg-amber-500/10 px-3 py-2 text-sm font-medium text-amber-200"
        >
          ⚠️ {display.checkMessage}
        </p>
      )}
      {display.leadWithText ? <RawText signal={signal} /> : null}
      {!display.showLevels ? null : isFollowUp ? (
        facts.length > 0 ? (
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-100">
            {facts.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        ) : null
      ) : (
        <SignalLevels parsed={signal.parsed} />
      )}
      <OutcomeStatus outcome={signal.outcome} />
      <AttachmentList attachments={signal.attachments} />
      {display.leadWithText ? null : (
        <details className="group">
          <summary className="cursor-pointer text-sm text-sky-300 hover:underline">
            Raw text
          </summary>
          <RawText signal={signal} />
        </details>
      )}
    </article>
  );
}

/** The analyst's own words, exactly as posted. */
function RawText({ signal }: { signal: SignalCardData }) {
  return (
    <div data-testid="card-raw-text">
      <pre className="mt-2 whitespace-pre-wrap break-words rounded-md bg-zinc-950 p-3 font-mono text-sm text-zinc-200">
        {signal.content}
      </pre>
      <p className="mt-1 text-xs text-zinc-400">Posted by {signal.authorName}</p>
    </div>
  );
}
