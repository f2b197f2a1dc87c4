import type { FunctionReturnType } from "convex/server";
import type { api } from "@convex/_generated/api";

export type CardOutcome = NonNullable<
  FunctionReturnType<typeof api.feed.list>["page"][number]["outcome"]
>;
type Result = NonNullable<CardOutcome["result"]>;

export type OutcomeTone = "neutral" | "live" | "win" | "loss";

/** "+1.33 R (+3.24 %)"; % alone for a signal without a stop. */
export function formatResult(result: Result): string {
  const sign = (n: number) => (n > 0 ? "+" : n < 0 ? "−" : "");
  const pct = `${sign(result.pct)}${Math.abs(result.pct).toFixed(2)} %`;
  if (result.r === undefined) return pct;
  return `${sign(result.r)}${Math.abs(result.r).toFixed(2)} R (${pct})`;
}

function toneOf(result: Result | undefined): OutcomeTone {
  const value = result?.r ?? result?.pct;
  if (value === undefined || value === 0) return "neutral";
  return value > 0 ? "win" : "loss";
}

/**
 * What the card says about the market's verdict: the status in words, the result, and a tone for
 * its colour. An open trade's P&L names the price it was marked at: it moves at state changes
 * (fills, targets, stop moves), not with every tick, and must not pass for a live quote.
 */
export function outcomeLabel(o: CardOutcome): { text: string; tone: OutcomeTone } {
  const reached = o.targetsHit > 0 ? `TP${o.targetsHit} reached` : undefined;
  switch (o.status) {
    case "waiting_entry":
      return { text: "Waiting for entry", tone: "neutral" };
    case "in_trade": {
      const parts = ["In trade", ...(reached === undefined ? [] : [reached])];
      if (o.openResult !== undefined && o.markPrice !== undefined) {
        parts.push(`${formatResult(o.openResult)} at ${o.markPrice.toLocaleString("en-US")}`);
      }
      return { text: parts.join(" · "), tone: "live" };
    }
    case "targets_done":
      return withResult("All targets reached", o.result);
    case "stopped":
      return withResult(reached === undefined ? "Stopped" : `Stopped after ${reached}`, o.result);
    case "closed_by_analyst":
      return withResult("Closed by the analyst", o.result);
    case "expired":
      return o.result === undefined
        ? { text: "Expired · never filled", tone: "neutral" }
        : withResult("Closed after the maximum duration", o.result);
    case "invalidated":
      return { text: "Invalidated before entry · not a trade", tone: "neutral" };
    case "cancelled":
      return { text: "Cancelled before entry · not a trade", tone: "neutral" };
  }
}

function withResult(text: string, result: Result | undefined) {
  return {
    text: result === undefined ? text : `${text} · ${formatResult(result)}`,
    tone: toneOf(result),
  };
}
