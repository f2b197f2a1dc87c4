import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { auditTables } from "./tables/audit";
import { adminQuery } from "./functions";

/** A whole audit row, with the acting admin's email when there is one. */
const vEntry = auditTables.auditLog.validator.extend({
  _id: v.id("auditLog"),
  _creationTime: v.number(),
  actorEmail: v.optional(v.string()),
});

/** The audit log, newest first, optionally one action (e.g. "entitlement.grant"). Admins only. */
export const list = adminQuery({
  args: { paginationOpts: paginationOptsValidator, action: v.optional(v.string()) },
  returns: paginationResultValidator(vEntry),
  handler: async (ctx, { paginationOpts, action }) => {
    const wanted = action?.trim();
    const source =
      wanted === undefined || wanted === ""
        ? ctx.db.query("auditLog")
        : ctx.db.query("auditLog").withIndex("by_action", (q) => q.eq("action", wanted));
    const result = await source.order("desc").paginate(paginationOpts);
    const emails = new Map<string, string | undefined>();
    const page = [];
    for (const entry of result.page) {
      let actorEmail: string | undefined;
      if (entry.actorUserId !== undefined) {
        if (!emails.has(entry.actorUserId)) {
          const user = await ctx.db.get("users", entry.actorUserId);
          emails.set(entry.actorUserId, user?.email);
        }
        actorEmail = emails.get(entry.actorUserId);
      }
      page.push({ ...entry, ...(actorEmail === undefined ? {} : { actorEmail }) });
    }
    return { ...result, page };
  },
});

/**
 * The audit entries about one thing (a Sell.app run, a history import), newest first, for the
 * console's run pages: what a run changed links here. Admins only; by_target index.
 */
export const forTarget = adminQuery({
  args: {
    targetType: v.string(),
    targetId: v.string(),
    paginationOpts: paginationOptsValidator,
  },
  returns: paginationResultValidator(vEntry),
  handler: async (ctx, { targetType, targetId, paginationOpts }) =>
    ctx.db
      .query("auditLog")
      .withIndex("by_target", (q) => q.eq("targetType", targetType).eq("targetId", targetId))
      .order("desc")
      .paginate(paginationOpts),
});
