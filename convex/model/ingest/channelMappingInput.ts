import { type Infer } from "convex/values";
import type { QueryCtx } from "../../_generated/server";
import { signalTables } from "../../tables/signals";
import { appError } from "../shared/errors";

/** What an admin edits: the mapping without its state (`enabled`, `updatedAt`). */
export const vMappingFields = signalTables.channelMappings.validator.omit("enabled", "updatedAt");

export type MappingFields = Infer<typeof vMappingFields>;

const SNOWFLAKE = /^\d{15,21}$/;

function invalid(message: string): never {
  throw appError("BAD_REQUEST", message);
}

/** Trims and checks a mapping; the messages name the field to fix. */
export async function validateMapping(
  ctx: QueryCtx,
  fields: MappingFields,
): Promise<MappingFields> {
  const clean = {
    label: fields.label.trim(),
    sourceGuildId: fields.sourceGuildId.trim(),
    sourceChannelId: fields.sourceChannelId.trim(),
    customerGuildId: fields.customerGuildId.trim(),
    customerChannelId: fields.customerChannelId.trim(),
    tierKey: fields.tierKey.trim(),
  };
  if (clean.label.length === 0 || clean.label.length > 80) {
    invalid("Label must be 1–80 characters.");
  }
  for (const key of [
    "sourceGuildId",
    "sourceChannelId",
    "customerGuildId",
    "customerChannelId",
  ] as const) {
    if (!SNOWFLAKE.test(clean[key])) {
      invalid(`${key} must be a Discord id (15–21 digits), got "${clean[key].slice(0, 40)}".`);
    }
  }
  if (clean.sourceChannelId === clean.customerChannelId) {
    invalid("The customer channel must differ from the source channel.");
  }
  const tier = await ctx.db
    .query("tiers")
    .withIndex("by_key", (q) => q.eq("key", clean.tierKey))
    .first();
  if (tier === null) invalid(`Unknown tier "${clean.tierKey}". Create the tier first.`);
  return clean;
}
