import { LOW_CONFIDENCE } from "./confidence.js";
import { formatPrice as p } from "./format.js";
import { signalPair } from "./pair.js";
import { type ParsedSignal } from "./types.js";

function entryText(s: ParsedSignal): string | undefined {
  const first = s.entries[0];
  const low = s.entries.length > 0 ? Math.min(...s.entries) : undefined;
  const high = s.entries.length > 0 ? Math.max(...s.entries) : undefined;
  const span =
    low === undefined || high === undefined ? "" : low === high ? p(low) : `${p(low)}–${p(high)}`;
  switch (s.entryType) {
    case "market":
      return first === undefined ? "entry market" : `entry market ~${p(first)}`;
    case "zone":
      return s.entryZone ? `zone ${p(s.entryZone.low)}–${p(s.entryZone.high)}` : `zone ${span}`;
    case "breakout_above":
      return `entry above ${span}`;
    case "breakout_below":
      return `entry below ${span}`;
    default:
      return span ? `entry ${span}` : undefined;
  }
}

function leverageText(s: ParsedSignal): string | undefined {
  if (!s.leverage) return undefined;
  return s.leverage.mode ? `${s.leverage.value}x ${s.leverage.mode}` : `${s.leverage.value}x`;
}

function pnlText(s: ParsedSignal): string | undefined {
  if (s.statedPnlPct === undefined) return undefined;
  return `${s.statedPnlPct > 0 ? "+" : ""}${s.statedPnlPct}%`;
}

function eventText(s: ParsedSignal): string {
  const f = s.followUp ?? {};
  const at = f.price === undefined ? "" : ` at ${p(f.price)}`;
  switch (s.kind) {
    case "entry_hit":
      return f.entryIndex === undefined ? `entry hit${at}` : `entry ${f.entryIndex} hit${at}`;
    case "target_hit":
      return f.targetIndex === undefined ? `target hit${at}` : `TP${f.targetIndex} hit${at}`;
    case "stop_hit":
      return `stop hit${at}`;
    case "move_stop":
      return "";
    case "partial_close":
      return f.percent === undefined ? `partial close${at}` : `partial close ${f.percent}%${at}`;
    case "close":
      return `closed${at}`;
    case "cancel":
      return "cancelled";
    default:
      return s.kind;
  }
}

function stopMoveText(s: ParsedSignal): string | undefined {
  const f = s.followUp;
  if (f?.newStop !== undefined) return `SL → ${p(f.newStop)}`;
  if (f?.breakeven === true) return "SL → breakeven";
  if (s.kind === "move_stop") return "SL moved";
  return undefined;
}

/**
 * One-line human summary for the mirror bot and the dashboard, e.g.
 * "LONG BTC/USDT · entry 42000–42500 · 3 targets · SL 41000 · 10x cross".
 */
export function describeSignal(s: ParsedSignal): string {
  const pair = signalPair(s);
  const low = s.confidence < LOW_CONFIDENCE ? "low confidence" : undefined;
  if (s.kind === "note") return ["note", pair].filter(Boolean).join(" · ");
  if (s.kind !== "signal") {
    const parts = [pair, eventText(s) || undefined, pnlText(s), stopMoveText(s), low];
    return parts.filter((x): x is string => Boolean(x)).join(" · ");
  }
  const side = s.side ? `${s.side.toUpperCase()}${s.sideInferred ? " (inferred)" : ""}` : "SIDE?";
  const head = [side, pair ?? "?"].join(" ");
  const targets = s.targets.length === 1 ? "1 target" : `${s.targets.length} targets`;
  const stop = s.stopLoss === undefined ? "no SL" : `SL ${p(s.stopLoss)}`;
  const venue = [s.exchange, s.market].filter(Boolean).join(" ") || undefined;
  const parts = [head, entryText(s) ?? "no entry", targets, stop, leverageText(s), venue, low];
  return parts.filter((x): x is string => Boolean(x)).join(" · ");
}
