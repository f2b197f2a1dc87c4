import type { FollowUp } from "@g3/signals";
import { formatPrice } from "./format";

type FollowUpInput = {
  kind: string;
  followUp?: FollowUp;
  stopLoss?: number;
  statedPnlPct?: number;
};

/**
 * What a follow-up post (target hit, stop moved, close…) says, as short facts for its card —
 * a follow-up carries no entries or targets of its own, so the levels grid would be all dashes.
 * Empty for a new signal or a note.
 */
export function followUpFacts(parsed: FollowUpInput): string[] {
  const { kind, followUp = {} } = parsed;
  if (kind === "signal" || kind === "note") return [];
  const facts: string[] = [];
  if (followUp.entryIndex !== undefined) facts.push(`Entry ${followUp.entryIndex} filled`);
  if (followUp.targetIndex !== undefined) facts.push(`TP${followUp.targetIndex} reached`);
  if (followUp.price !== undefined) {
    const verb = kind === "stop_hit" ? "Stopped at" : kind === "target_hit" ? "At" : "Closed at";
    facts.push(`${verb} ${formatPrice(followUp.price)}`);
  }
  if (followUp.percent !== undefined && kind === "partial_close") {
    facts.push(`${followUp.percent}% of the position`);
  }
  const newStop = followUp.newStop ?? (kind === "move_stop" ? parsed.stopLoss : undefined);
  if (newStop !== undefined) facts.push(`Stop moved to ${formatPrice(newStop)}`);
  else if (followUp.breakeven === true) facts.push("Stop moved to breakeven");
  if (parsed.statedPnlPct !== undefined) {
    const sign = parsed.statedPnlPct > 0 ? "+" : "";
    facts.push(`${sign}${parsed.statedPnlPct}% (as stated by the author)`);
  }
  return facts;
}
