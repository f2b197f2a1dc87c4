import type { FunctionArgs } from "convex/server";
import type { api } from "@convex/_generated/api";

export type CorrectionFields = FunctionArgs<typeof api.parseReview.correct>["fields"];
type Kind = CorrectionFields["kind"];
type EntryType = NonNullable<CorrectionFields["entryType"]>;

/** The admin's correction form as typed: every field a string (selects included). */
export type CorrectionForm = {
  kind: Kind;
  base: string;
  quote: string;
  side: "" | "long" | "short";
  entryType: "" | EntryType;
  entries: string;
  targets: string;
  stopLoss: string;
  leverage: string;
  marginMode: "" | "cross" | "isolated";
};

type Reading = {
  kind: Kind;
  symbol?: { base: string; quote?: string };
  side?: "long" | "short";
  entryType?: EntryType;
  entries: number[];
  targets: number[];
  stopLoss?: number;
  leverage?: { value: number; mode?: "cross" | "isolated" };
};

/** The form's starting values: the reading customers see now. */
export function formFromReading(reading: Reading): CorrectionForm {
  return {
    kind: reading.kind,
    base: reading.symbol?.base ?? "",
    quote: reading.symbol?.quote ?? "",
    side: reading.side ?? "",
    entryType: reading.entryType ?? "",
    entries: reading.entries.join(", "),
    targets: reading.targets.join(", "),
    stopLoss: reading.stopLoss === undefined ? "" : String(reading.stopLoss),
    leverage: reading.leverage === undefined ? "" : String(reading.leverage.value),
    marginMode: reading.leverage?.mode ?? "",
  };
}

/**
 * The typed form as the fields `parseReview.correct` takes, or the problems with what was typed
 * (a price that is not a number). Whether the values make sense (a long's stop under its entries…)
 * is the server's call; its message is shown as it comes.
 */
export function fieldsFromForm(
  form: CorrectionForm,
): { ok: true; fields: CorrectionFields } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const entries = priceList("Entries", form.entries, problems);
  const targets = priceList("Targets", form.targets, problems);
  const stopLoss = optionalNumber("Stop loss", form.stopLoss, problems);
  const leverage = optionalNumber("Leverage", form.leverage.replace(/x$/i, ""), problems);
  if (problems.length > 0) return { ok: false, problems };
  const base = form.base.trim();
  const quote = form.quote.trim();
  return {
    ok: true,
    fields: {
      kind: form.kind,
      ...(base === "" ? {} : { base }),
      ...(quote === "" ? {} : { quote }),
      ...(form.side === "" ? {} : { side: form.side }),
      ...(form.entryType === "" ? {} : { entryType: form.entryType }),
      entries,
      targets,
      ...(stopLoss === undefined ? {} : { stopLoss }),
      ...(leverage === undefined ? {} : { leverage }),
      ...(form.marginMode === "" ? {} : { marginMode: form.marginMode }),
    },
  };
}

/**
 * Prices separated by commas, slashes, semicolons or spaces ("42000, 42500"). There are no
 * thousands separators: "42,500" is 42 and 500, which the server refuses (more than 10× apart).
 */
function priceList(label: string, text: string, problems: string[]): number[] {
  const parts = text
    .split(/[\s,/;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const prices = parts.map(Number);
  const bad = parts.filter((_part, index) => !Number.isFinite(prices[index]));
  if (bad.length > 0) problems.push(`${label}: not a number: ${bad.join(", ")}`);
  return prices;
}

function optionalNumber(label: string, text: string, problems: string[]): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    problems.push(`${label}: not a number: ${trimmed}`);
    return undefined;
  }
  return value;
}

/** One line for the review list: "LONG ETH/USDT · entry 2350 · TP 2400 / 2450 · SL 2300 · 5× isolated". */
export function readingText(reading: Reading): string {
  const parts: string[] = [];
  const symbol = reading.symbol
    ? `${reading.symbol.base}${reading.symbol.quote ? `/${reading.symbol.quote}` : ""}`
    : "no coin";
  parts.push(`${reading.side ? `${reading.side.toUpperCase()} ` : ""}${symbol} (${reading.kind})`);
  if (reading.entries.length > 0) parts.push(`entry ${reading.entries.join(" / ")}`);
  else if (reading.entryType === "market") parts.push("entry market");
  if (reading.targets.length > 0) parts.push(`TP ${reading.targets.join(" / ")}`);
  if (reading.stopLoss !== undefined) parts.push(`SL ${reading.stopLoss}`);
  if (reading.leverage !== undefined) {
    parts.push(
      `${reading.leverage.value}×${reading.leverage.mode ? ` ${reading.leverage.mode}` : ""}`,
    );
  }
  return parts.join(" · ");
}
