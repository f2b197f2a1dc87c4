import { formatPrice } from "@/lib/format";
import type { Parsed } from "./types";

function entryText(parsed: Parsed): string {
  if (parsed.entryZone) {
    return `${formatPrice(parsed.entryZone.low)} – ${formatPrice(parsed.entryZone.high)} (zone)`;
  }
  const prices = parsed.entries.map(formatPrice).join(" / ");
  if (parsed.entryType === "breakout_above") return `above ${prices}`;
  if (parsed.entryType === "breakout_below") return `below ${prices}`;
  if (parsed.entryType === "market" && prices === "") return "market";
  return prices === "" ? "—" : prices;
}

function Level({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs uppercase tracking-wide text-zinc-400">{label}</dt>
      <dd className="font-mono text-sm text-zinc-100 break-words">{children}</dd>
    </div>
  );
}

/** Entry (or zone), targets, stop loss and leverage, as parsed from the post. */
export function SignalLevels({ parsed }: { parsed: Parsed }) {
  const hasLevels =
    parsed.entries.length > 0 ||
    parsed.entryZone !== undefined ||
    parsed.targets.length > 0 ||
    parsed.stopLoss !== undefined;
  if (!hasLevels && parsed.leverage === undefined) return null;
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4">
      <Level label="Entry">{entryText(parsed)}</Level>
      <Level label="Targets">
        {parsed.targets.length === 0 ? (
          "—"
        ) : (
          <ol className="flex flex-wrap gap-x-2">
            {parsed.targets.map((target, index) => (
              <li key={index}>
                <span className="text-zinc-400">TP{index + 1}</span> {formatPrice(target)}
              </li>
            ))}
          </ol>
        )}
      </Level>
      <Level label="Stop loss">
        {parsed.stopLoss === undefined ? (
          "—"
        ) : (
          <span className="text-short">{formatPrice(parsed.stopLoss)}</span>
        )}
      </Level>
      <Level label="Leverage">
        {parsed.leverage === undefined
          ? "—"
          : `${parsed.leverage.value}×${parsed.leverage.mode ? ` ${parsed.leverage.mode}` : ""}`}
      </Level>
    </dl>
  );
}
