// What an analyst's follow-up means for the trade it answers: an action the market price of its
// time settles (close, cancel, partial close, stop moves) and/or a claim to check ("TP2 hit",
// "closed +23%"). Pure.
import type { AnalystAction, Claim } from "@g3/outcomes";
import type { ParsedSignal } from "@g3/signals";

export type FollowUpEffects = { action?: AnalystAction; claim?: { claim: Claim; text: string } };

export function followUpEffects(parsed: ParsedSignal, at: number): FollowUpEffects {
  const f = parsed.followUp ?? {};
  const stated = parsed.statedPnlPct;
  const withPnl = (text: string) =>
    stated === undefined ? text : `${text} ${stated >= 0 ? "+" : ""}${stated}%`;
  const pnl = stated === undefined ? {} : { statedPnlPct: stated };
  const moveStop: AnalystAction | undefined =
    f.newStop !== undefined
      ? { kind: "move_stop", at, stop: f.newStop }
      : f.breakeven === true
        ? { kind: "move_stop", at, breakeven: true }
        : undefined;
  switch (parsed.kind) {
    case "close":
      return {
        action: { kind: "close", at },
        ...(stated === undefined
          ? {}
          : { claim: { claim: { at, kind: "close", ...pnl }, text: withPnl("closed") } }),
      };
    case "cancel":
      return { action: { kind: "cancel", at } };
    case "partial_close":
      return {
        action: { kind: "partial_close", at, percent: f.percent ?? 50 },
        ...(stated === undefined
          ? {}
          : {
              claim: {
                claim: { at, kind: "partial_close", ...pnl },
                text: withPnl("partly closed"),
              },
            }),
      };
    case "move_stop":
      return moveStop === undefined ? {} : { action: moveStop };
    case "target_hit": {
      const index = f.targetIndex ?? 1;
      return {
        ...(moveStop === undefined ? {} : { action: moveStop }),
        claim: {
          claim: { at, kind: "target_hit", targetIndex: index, ...pnl },
          text: withPnl(`TP${index} hit`),
        },
      };
    }
    case "entry_hit": {
      const index = f.entryIndex ?? 1;
      return {
        claim: {
          claim: { at, kind: "entry_hit", entryIndex: index },
          text: `entry ${index} filled`,
        },
      };
    }
    case "stop_hit":
      return { claim: { claim: { at, kind: "stop_hit", ...pnl }, text: withPnl("stop hit") } };
    default:
      return {};
  }
}
