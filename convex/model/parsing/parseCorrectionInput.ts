import { ENTRY_TYPES, MARGIN_MODES, SIDES, SIGNAL_KINDS } from "@g3/signals/kinds";
import { v, type Infer } from "convex/values";
import { z } from "zod";
import { vEntryType, vSide, vSignalKind } from "../../tables/signals";
import { appError } from "../shared/errors";

/** What an admin may correct. Prices are plain numbers; the symbol is base and optional quote. */
export const vCorrectionFields = v.object({
  kind: vSignalKind,
  base: v.optional(v.string()),
  quote: v.optional(v.string()),
  side: v.optional(vSide),
  entryType: v.optional(vEntryType),
  entries: v.array(v.number()),
  targets: v.array(v.number()),
  stopLoss: v.optional(v.number()),
  leverage: v.optional(v.number()),
  marginMode: v.optional(v.union(v.literal("cross"), v.literal("isolated"))),
});
export type CorrectionFields = Infer<typeof vCorrectionFields>;

/** A price: positive, finite and within what any listed coin trades at. */
const ZPrice = z.number().finite().gt(0, "must be above 0").max(1e9, "is too large");
const ZTicker = (max: number) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(new RegExp(`^[A-Z0-9]{1,${max}}$`), `letters and digits only, at most ${max}`);

const ZCorrection = z
  .object({
    kind: z.enum(SIGNAL_KINDS),
    base: ZTicker(20).optional(),
    quote: ZTicker(10).optional(),
    side: z.enum(SIDES).optional(),
    entryType: z.enum(ENTRY_TYPES).optional(),
    entries: z.array(ZPrice).max(10, "at most 10 entries"),
    targets: z.array(ZPrice).max(20, "at most 20 targets"),
    stopLoss: ZPrice.optional(),
    leverage: z.number().finite().min(1).max(125).optional(),
    marginMode: z.enum(MARGIN_MODES).optional(),
  })
  .superRefine((value, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (value.quote !== undefined && value.base === undefined) {
      problem("base", "a quote needs a base coin");
    }
    if (value.marginMode !== undefined && value.leverage === undefined) {
      problem("marginMode", "a margin mode needs a leverage");
    }
    const prices = [
      ...value.entries,
      ...value.targets,
      ...(value.stopLoss === undefined ? [] : [value.stopLoss]),
    ];
    // The parser's own rule (and Cornix's): prices more than 10× apart are a typo.
    if (prices.length > 1 && Math.max(...prices) / Math.min(...prices) > 10) {
      problem("entries", "prices are more than 10× apart");
    }
    if (value.entryType === "zone" && value.entries.length < 2) {
      problem("entries", "a zone needs two prices");
    }
    if (
      (value.entryType === "breakout_above" || value.entryType === "breakout_below") &&
      (value.entries.length < 1 || value.entries.length > 2)
    ) {
      problem("entries", "a breakout needs one or two prices");
    }
    if (value.kind !== "signal") return;
    if (value.base === undefined) problem("base", "a signal needs its coin");
    if (value.side === undefined) problem("side", "a signal needs a side");
    if (value.entries.length === 0 && value.entryType !== "market") {
      problem("entries", "a signal needs an entry (or the market entry type)");
    }
    if (value.targets.length === 0) problem("targets", "a signal needs at least one target");
    if (value.side !== undefined && value.entries.length > 0) {
      directionProblems(value.side, value.entries, value.targets, value.stopLoss).forEach(
        ([path, message]) => problem(path, message),
      );
    }
  });

/** A long's stop sits under its entries and its targets above them; a short mirrors it. */
function directionProblems(
  side: "long" | "short",
  entries: number[],
  targets: number[],
  stopLoss: number | undefined,
): [string, string][] {
  const problems: [string, string][] = [];
  const average = entries.reduce((sum, price) => sum + price, 0) / entries.length;
  const long = side === "long";
  if (stopLoss !== undefined) {
    const wrong = long ? stopLoss >= Math.min(...entries) : stopLoss <= Math.max(...entries);
    if (wrong) {
      problems.push([
        "stopLoss",
        long
          ? "a long's stop must be below its entries"
          : "a short's stop must be above its entries",
      ]);
    }
  }
  if (targets.some((target) => (long ? target <= average : target >= average))) {
    problems.push([
      "targets",
      long
        ? "a long's targets must be above its entry"
        : "a short's targets must be below its entry",
    ]);
  }
  return problems;
}

export type ValidCorrection = z.output<typeof ZCorrection>;

/** Checks every corrected field; throws BAD_REQUEST naming each field that is wrong and why. */
export function validateCorrection(fields: CorrectionFields): ValidCorrection {
  const result = ZCorrection.safeParse(fields);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join(".") || "correction"}: ${issue.message}`,
  );
  throw appError("BAD_REQUEST", `The correction was not saved. ${problems.join("; ")}.`);
}
