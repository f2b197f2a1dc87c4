import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";

/** Writes the user's reminder choice (one row per user, created on first change). */
export async function setReminders(
  ctx: MutationCtx,
  userId: Id<"users">,
  reminders: boolean,
  now: number,
): Promise<void> {
  const row = await ctx.db
    .query("emailPreferences")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .unique();
  if (row === null) {
    await ctx.db.insert("emailPreferences", { userId, reminders, updatedAt: now });
  } else if (row.reminders !== reminders) {
    await ctx.db.patch("emailPreferences", row._id, { reminders, updatedAt: now });
  }
}
