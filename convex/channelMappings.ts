import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { type MutationCtx } from "./_generated/server";
import { writeAdminAudit } from "./model/shared/audit";
import { validateMapping, vMappingFields } from "./model/ingest/channelMappingInput";
import { signalTables } from "./tables/signals";
import { adminMutation, adminQuery } from "./functions";
import { appError } from "./model/shared/errors";

const vMapping = signalTables.channelMappings.validator.extend({
  _id: v.id("channelMappings"),
  _creationTime: v.number(),
});

/** Every mapping, enabled first, for the admin console. Bounded: a guild has a few dozen. */
export const list = adminQuery({
  args: {},
  returns: v.array(vMapping),
  handler: async (ctx) => {
    const enabled = await ctx.db
      .query("channelMappings")
      .withIndex("by_enabled", (q) => q.eq("enabled", true))
      .take(500);
    const disabled = await ctx.db
      .query("channelMappings")
      .withIndex("by_enabled", (q) => q.eq("enabled", false))
      .take(500);
    return [...enabled, ...disabled];
  },
});

/** The tiers a mapping may point at, for the admin form. */
export const tierOptions = adminQuery({
  args: {},
  returns: v.array(v.object({ key: v.string(), name: v.string() })),
  handler: async (ctx) => {
    const tiers = await ctx.db.query("tiers").take(100);
    return tiers.map((tier) => ({ key: tier.key, name: tier.name }));
  },
});

async function assertNoDuplicate(
  ctx: MutationCtx,
  sourceChannelId: string,
  customerChannelId: string,
  except?: Id<"channelMappings">,
) {
  const rows = await ctx.db
    .query("channelMappings")
    .withIndex("by_source_channel", (q) => q.eq("sourceChannelId", sourceChannelId))
    .take(100);
  if (rows.some((row) => row.customerChannelId === customerChannelId && row._id !== except)) {
    throw appError(
      "CONFLICT",
      "A mapping from this source channel to this customer channel already exists.",
    );
  }
}

export const create = adminMutation({
  args: vMappingFields.fields,
  returns: v.id("channelMappings"),
  handler: async (ctx, args) => {
    const fields = await validateMapping(ctx, args);
    await assertNoDuplicate(ctx, fields.sourceChannelId, fields.customerChannelId);
    const id = await ctx.db.insert("channelMappings", {
      ...fields,
      enabled: true,
      updatedAt: Date.now(),
    });
    await writeAdminAudit(ctx, {
      action: "channelMapping.create",
      targetType: "channelMapping",
      targetId: id,
      details: fields,
    });
    return id;
  },
});

export const update = adminMutation({
  args: { id: v.id("channelMappings"), ...vMappingFields.fields },
  returns: v.null(),
  handler: async (ctx, { id, ...args }) => {
    const existing = await ctx.db.get("channelMappings", id);
    if (existing === null) {
      throw appError("NOT_FOUND", "That mapping no longer exists.");
    }
    const fields = await validateMapping(ctx, args);
    await assertNoDuplicate(ctx, fields.sourceChannelId, fields.customerChannelId, id);
    await ctx.db.patch("channelMappings", id, { ...fields, updatedAt: Date.now() });
    const before = {
      label: existing.label,
      sourceGuildId: existing.sourceGuildId,
      sourceChannelId: existing.sourceChannelId,
      customerGuildId: existing.customerGuildId,
      customerChannelId: existing.customerChannelId,
      tierKey: existing.tierKey,
    };
    await writeAdminAudit(ctx, {
      action: "channelMapping.update",
      targetType: "channelMapping",
      targetId: id,
      details: { before, after: fields },
    });
    return null;
  },
});

/** Disables (or re-enables) a mapping: new signals from its source stop (or resume) mirroring. */
export const setEnabled = adminMutation({
  args: { id: v.id("channelMappings"), enabled: v.boolean(), reason: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, { id, enabled, reason }) => {
    const existing = await ctx.db.get("channelMappings", id);
    if (existing === null) {
      throw appError("NOT_FOUND", "That mapping no longer exists.");
    }
    if (existing.enabled === enabled) return null;
    await ctx.db.patch("channelMappings", id, { enabled, updatedAt: Date.now() });
    const trimmed = reason?.trim().slice(0, 500);
    await writeAdminAudit(ctx, {
      action: enabled ? "channelMapping.enable" : "channelMapping.disable",
      targetType: "channelMapping",
      targetId: id,
      ...(trimmed ? { reason: trimmed } : {}),
    });
    return null;
  },
});
