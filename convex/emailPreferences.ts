import { v } from "convex/values";
import { internalMutation } from "./_generated/server";
import { userMutation, userQuery } from "./functions";
import { setReminders } from "./model/email/emailPreferences";

/**
 * The account page's email preferences. Only reminders ("access ending soon") can be turned off;
 * membership emails are transactional (docs/architecture.md "Lifecycle emails").
 */

export const mine = userQuery({
  args: {},
  returns: v.object({ reminders: v.boolean() }),
  handler: async (ctx) => {
    const row = await ctx.db
      .query("emailPreferences")
      .withIndex("by_user", (q) => q.eq("userId", ctx.viewer._id))
      .unique();
    return { reminders: row?.reminders ?? true };
  },
});

export const update = userMutation({
  args: { reminders: v.boolean() },
  returns: v.null(),
  handler: async (ctx, { reminders }) => {
    await setReminders(ctx, ctx.viewer._id, reminders, Date.now());
    return null;
  },
});

/**
 * The one-click unsubscribe (the HTTP action checked the signed token; the user id is a string
 * from a URL, so it is normalized here). Returns false for an id that names no user.
 */
export const unsubscribeReminders = internalMutation({
  args: { userId: v.string() },
  returns: v.boolean(),
  handler: async (ctx, { userId }) => {
    const id = ctx.db.normalizeId("users", userId);
    if (id === null || (await ctx.db.get("users", id)) === null) return false;
    await setReminders(ctx, id, false, Date.now());
    return true;
  },
});
