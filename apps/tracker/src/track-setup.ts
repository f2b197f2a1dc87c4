// Building a track from a signal's versions: the first version with trackable levels starts it
// (at its time), later edits change the levels from their own time. Pure.
import { levelsFromParsed, startTrack, type Levels, type TrackState } from "@g3/outcomes";
import type { ParsedSignal } from "@g3/signals";
import { marketSymbol } from "./market/source.js";

export type Revision = {
  version: number;
  at: number;
  change: "create" | "edit" | "delete";
  parsed: ParsedSignal;
};

export type TrackPlan = {
  symbol: string;
  state: TrackState;
  /** Edits after the start, to apply from their time. */
  edits: { at: number; levels: Levels }[];
  version: number;
};

export function planTrack(revisions: Revision[], version: number): TrackPlan | undefined {
  const ordered = [...revisions].sort((a, b) => a.version - b.version);
  const startIndex = ordered.findIndex(
    (r) => r.change !== "delete" && trackable(r.parsed) !== undefined,
  );
  const start = ordered[startIndex];
  if (start === undefined) return undefined;
  const first = trackable(start.parsed);
  if (first === undefined) return undefined;
  const edits = editsAfter(ordered.slice(startIndex + 1), first.symbol);
  return { symbol: first.symbol, state: startTrack(first.levels, start.at), edits, version };
}

/** Later versions' levels (edits only; a delete keeps the last levels, the record shows it). */
export function editsAfter(
  revisions: Revision[],
  symbol: string,
): { at: number; levels: Levels }[] {
  const edits = [];
  for (const r of revisions) {
    if (r.change !== "edit") continue;
    const t = trackable(r.parsed);
    if (t !== undefined && t.symbol === symbol) edits.push({ at: r.at, levels: t.levels });
  }
  return edits;
}

function trackable(parsed: ParsedSignal): { symbol: string; levels: Levels } | undefined {
  const levels = levelsFromParsed(parsed);
  if (levels === undefined || parsed.symbol === undefined) return undefined;
  const symbol = marketSymbol(parsed.symbol.base, parsed.symbol.quote);
  return symbol === undefined ? undefined : { symbol, levels };
}
