import { v, type Infer } from "convex/values";
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { driftReportFields } from "../../tables/discord";
import { appError } from "../shared/errors";

/** The bot compares at most this many latest deliveries per mapping. */
export const MAX_DRIFT_WINDOW = 50;
/** Mappings covered by one drift window (enabled ones, the console lists as many). */
export const MAX_DRIFT_MAPPINGS = 25;
/** Example ids kept per category. */
export const MAX_DRIFT_EXAMPLES = 5;

export const vDriftReportInput = v.object(driftReportFields);

export type DriftReportInput = Infer<typeof vDriftReportInput>;

export const vDriftWindowRow = v.object({
  /** The delivery, so the bot can ask for a repair of exactly this row (mirror.repairDrift). */
  deliveryId: v.id("mirrorDeliveries"),
  signalId: v.id("signals"),
  /** The signal exists and is not deleted: the customer channel should show it. */
  live: v.boolean(),
  customerMessageId: v.optional(v.string()),
  updateNoteMessageId: v.optional(v.string()),
  /** Content hash of what the bot last rendered into the customer message. */
  contentHash: v.optional(v.string()),
  /** The customer message was brought to the signal's current version. */
  synced: v.boolean(),
});

export const vDriftWindow = v.array(
  v.object({
    mappingId: v.id("channelMappings"),
    customerChannelId: v.string(),
    rows: v.array(vDriftWindowRow),
  }),
);

/** The latest deliveries of every enabled mapping (newest first), for the bot's drift check. */
export async function listDriftWindow(
  ctx: QueryCtx,
  perMapping: number,
): Promise<Infer<typeof vDriftWindow>> {
  const take = Math.min(Math.max(Math.floor(perMapping), 1), MAX_DRIFT_WINDOW);
  const mappings = await ctx.db
    .query("channelMappings")
    .withIndex("by_enabled", (q) => q.eq("enabled", true))
    .take(MAX_DRIFT_MAPPINGS);
  const result = [];
  for (const mapping of mappings) {
    const deliveries = await ctx.db
      .query("mirrorDeliveries")
      .withIndex("by_mapping", (q) => q.eq("mappingId", mapping._id))
      .order("desc")
      .take(take);
    const rows = [];
    for (const row of deliveries) {
      const signal = await ctx.db.get("signals", row.signalId);
      const live = signal !== null && signal.deletedAt === undefined;
      rows.push({
        deliveryId: row._id,
        signalId: row.signalId,
        live,
        ...(row.customerMessageId === undefined
          ? {}
          : { customerMessageId: row.customerMessageId }),
        ...(row.updateNoteMessageId === undefined
          ? {}
          : { updateNoteMessageId: row.updateNoteMessageId }),
        ...(row.renderedHash === undefined
          ? {}
          : { contentHash: row.renderedHash.split(".")[0] ?? "" }),
        synced: signal !== null && row.status === "done" && row.syncedVersion === signal.version,
      });
    }
    result.push({ mappingId: mapping._id, customerChannelId: mapping.customerChannelId, rows });
  }
  return result;
}

function bad(message: string): never {
  throw appError("BAD_REQUEST", message);
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 10_000) {
    bad(`${name} must be a whole number from 0 to 10000 (got ${value}).`);
  }
}

/** Validates one report (counts, bounded examples) and keeps it as the mapping's latest. */
export async function storeDriftReport(
  ctx: MutationCtx,
  instanceId: string,
  report: DriftReportInput,
): Promise<"stored" | "older_than_stored"> {
  for (const name of [
    "windowSignals",
    "windowMessages",
    "missing",
    "duplicates",
    "stale",
    "orphans",
  ] as const) {
    checkCount(name, report[name]);
  }
  for (const [name, ids] of Object.entries(report.examples)) {
    if (ids.length > MAX_DRIFT_EXAMPLES) {
      bad(`examples.${name}: at most ${MAX_DRIFT_EXAMPLES} ids (got ${ids.length}).`);
    }
    if (ids.some((id) => id.length === 0 || id.length > 40)) {
      bad(`examples.${name}: ids must be 1–40 characters.`);
    }
  }
  if (!Number.isFinite(report.checkedAt) || report.checkedAt > Date.now() + 60_000) {
    bad("checkedAt must be a time no later than now.");
  }
  const mapping = await ctx.db.get("channelMappings", report.mappingId);
  if (mapping === null) bad(`Unknown mapping ${report.mappingId}.`);
  const existing = await latestDriftReport(ctx, report.mappingId);
  const row = { ...report, instanceId };
  if (existing === null) {
    await ctx.db.insert("driftReports", row);
    return "stored";
  }
  if (existing.checkedAt > report.checkedAt) return "older_than_stored";
  await ctx.db.replace("driftReports", existing._id, row);
  return "stored";
}

export async function latestDriftReport(ctx: QueryCtx, mappingId: Id<"channelMappings">) {
  return ctx.db
    .query("driftReports")
    .withIndex("by_mapping", (q) => q.eq("mappingId", mappingId))
    .unique();
}
