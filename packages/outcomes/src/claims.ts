// An analyst's follow-up ("TP2 hit ✅", "closed +23%") checked against what the market did.
// The check never accuses early: until the market has been followed past the claim's time plus a
// tolerance, an unsupported claim is "pending", and a P&L claim is compared with the best the
// market offered so far, which can only make it look better, never worse.
import type { TrackState } from "./types.js";

export type Claim = {
  at: number;
  kind: "entry_hit" | "target_hit" | "stop_hit" | "close" | "partial_close";
  entryIndex?: number;
  targetIndex?: number;
  statedPnlPct?: number;
};

export type ClaimVerdict = "confirmed" | "contradicted" | "pending" | "unverifiable";
export type ClaimCheck = { verdict: ClaimVerdict; detail: string };

/** How late after the market a follow-up may be posted and still count (and how long we wait). */
export const CLAIM_TOLERANCE_MS = 5 * 60_000;

export function checkClaim(
  state: TrackState,
  claim: Claim,
  toleranceMs = CLAIM_TOLERANCE_MS,
): ClaimCheck {
  const by = claim.at + toleranceMs;
  const settled =
    state.checkedThrough >= by || (state.status !== "waiting_entry" && state.status !== "in_trade");
  const events = state.events.filter((e) => e.at <= by);
  const undecided = (detail: string): ClaimCheck =>
    settled
      ? { verdict: "contradicted", detail }
      : { verdict: "pending", detail: "waiting for the market" };

  if (claim.statedPnlPct !== undefined && claim.statedPnlPct > 0) {
    const leverage = state.levels.leverage ?? 1;
    const best = state.mfe * 100 * leverage;
    if (claim.statedPnlPct > best * 1.05 + 0.5) {
      return undecided(
        `claims +${claim.statedPnlPct}%; the market offered at most +${best.toFixed(1)}% at ${leverage}x`,
      );
    }
  }
  switch (claim.kind) {
    case "target_hit": {
      const wanted = claim.targetIndex ?? 1;
      const reached = Math.max(
        0,
        ...events.map((e) => (e.type === "target_hit" ? e.targetIndex : 0)),
      );
      if (reached >= wanted) return { verdict: "confirmed", detail: `TP${wanted} reached` };
      return undecided(
        reached === 0
          ? `TP${wanted} claimed; no target reached`
          : `TP${wanted} claimed; only TP${reached} reached`,
      );
    }
    case "entry_hit": {
      const wanted = claim.entryIndex ?? 1;
      const filled = Math.max(
        0,
        ...events.map((e) => (e.type === "entry_filled" ? e.entryIndex : 0)),
      );
      if (filled >= wanted) return { verdict: "confirmed", detail: `entry ${wanted} filled` };
      return undecided(`entry ${wanted} claimed; the market did not fill it`);
    }
    case "stop_hit":
      // Admitting a loss needs no proof; a stop the market never touched is still worth a look.
      if (events.some((e) => e.type === "stop_hit"))
        return { verdict: "confirmed", detail: "stop hit" };
      return undecided("stop claimed; the market did not reach it");
    case "close":
    case "partial_close":
      if (claim.statedPnlPct === undefined)
        return { verdict: "unverifiable", detail: "no result stated" };
      return { verdict: "confirmed", detail: "within what the market offered" };
  }
}
