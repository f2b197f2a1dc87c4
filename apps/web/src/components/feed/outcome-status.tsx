import { outcomeLabel, type CardOutcome, type OutcomeTone } from "@/lib/outcome-label";

const TONES: Record<OutcomeTone, string> = {
  neutral: "border-zinc-700 bg-zinc-800/60 text-zinc-300",
  live: "border-sky-500/40 bg-sky-500/10 text-sky-200",
  win: "border-emerald-500/40 bg-emerald-500/10 text-emerald-200",
  loss: "border-rose-500/40 bg-rose-500/10 text-rose-200",
};

/** The market's verdict on a signal, as the tracker recorded it; updates with the card. */
export function OutcomeStatus({ outcome }: { outcome: CardOutcome | undefined }) {
  if (outcome === undefined) return null;
  const { text, tone } = outcomeLabel(outcome);
  return (
    <p
      data-testid="outcome-status"
      data-status={outcome.status}
      data-targets-hit={outcome.targetsHit}
      className={`rounded-md border px-3 py-1.5 text-sm ${TONES[tone]}`}
    >
      <span className="sr-only">Verified outcome: </span>
      {text}
    </p>
  );
}
