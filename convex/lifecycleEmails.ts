import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalAction, internalMutation } from "./_generated/server";
import { sendEmail } from "./model/email/email";
import { optionalEnv } from "./model/shared/env";
import {
  DAY_MS,
  ENDING_SOON_DAYS,
  isReminder,
  MAX_EMAILS_PER_USER_PER_DAY,
} from "./model/email/lifecycleEmailPolicy";
import { queueLifecycleEmail } from "./model/email/lifecycleEmailQueue";
import { renderLifecycleEmail } from "./model/email/lifecycleEmailTemplates";
import { siteSetting } from "./model/business/siteSettings";
import { unsubscribeUrl } from "./model/email/unsubscribeToken";

/**
 * Lifecycle emails: access granted, payment failed, access ending soon, access ended. Queued by
 * the entitlement writer (model/email/lifecycleEmailQueue.ts) and by the daily "ending soon" cron below;
 * each queued row is sent by its own scheduled action through the same provider as verification
 * codes (model/email/email.ts). Rules and reasons: docs/architecture.md "Lifecycle emails".
 */

const vPrepared = v.object({
  to: v.string(),
  subject: v.string(),
  text: v.string(),
  html: v.string(),
  headers: v.optional(v.record(v.string(), v.string())),
});

/** Decides at send time (verified? unsubscribed? over the day's budget?) and renders. */
export const claim = internalMutation({
  args: { emailId: v.id("lifecycleEmails") },
  returns: v.union(vPrepared, v.null()),
  handler: async (ctx, { emailId }) => {
    const row = await ctx.db.get("lifecycleEmails", emailId);
    if (row === null || row.status !== "queued") return null;
    const skip = async (detail: string) => {
      await ctx.db.patch("lifecycleEmails", emailId, { status: "skipped", detail });
      return null;
    };
    const user = await ctx.db.get("users", row.userId);
    if (user === null || user.email === undefined) return skip("no_email");
    if (user.emailVerificationTime === undefined) return skip("unverified");
    if (isReminder(row.kind)) {
      const preferences = await ctx.db
        .query("emailPreferences")
        .withIndex("by_user", (q) => q.eq("userId", row.userId))
        .unique();
      if (preferences?.reminders === false) return skip("unsubscribed");
    }
    const now = Date.now();
    const recent = await ctx.db
      .query("lifecycleEmails")
      .withIndex("by_user_and_sent_at", (q) =>
        q.eq("userId", row.userId).gt("sentAt", now - DAY_MS),
      )
      .take(MAX_EMAILS_PER_USER_PER_DAY);
    if (recent.length >= MAX_EMAILS_PER_USER_PER_DAY) return skip("throttled");

    const tier = await ctx.db
      .query("tiers")
      .withIndex("by_key", (q) => q.eq("key", row.tierKey))
      .unique();
    const site = optionalEnv("SITE_URL");
    const unsubscribe = isReminder(row.kind) ? await unsubscribeUrl(row.userId) : null;
    const rendered = renderLifecycleEmail({
      kind: row.kind,
      tierName: tier?.name ?? row.tierKey,
      ...(row.accessUntil === undefined ? {} : { accessUntil: row.accessUntil }),
      accountUrl: site === undefined ? null : new URL("/account", site).toString(),
      portalUrl: (await siteSetting(ctx, "customerPortalUrl"))?.value ?? null,
      unsubscribeUrl: unsubscribe,
    });
    await ctx.db.patch("lifecycleEmails", emailId, { status: "sending", sentAt: now });
    return {
      to: user.email,
      ...rendered,
      ...(unsubscribe === null
        ? {}
        : {
            // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to this URL.
            headers: {
              "List-Unsubscribe": `<${unsubscribe}>`,
              "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
          }),
    };
  },
});

export const finish = internalMutation({
  args: { emailId: v.id("lifecycleEmails"), error: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, { emailId, error }) => {
    await ctx.db.patch(
      "lifecycleEmails",
      emailId,
      error === undefined ? { status: "sent" } : { status: "failed", detail: error },
    );
    return null;
  },
});

/** Sends one queued email (scheduled by queueLifecycleEmail, never run inside the mutation). */
export const send = internalAction({
  args: { emailId: v.id("lifecycleEmails") },
  returns: v.null(),
  handler: async (ctx, { emailId }) => {
    const prepared = await ctx.runMutation(internal.lifecycleEmails.claim, { emailId });
    if (prepared === null) return null;
    try {
      await sendEmail(ctx, prepared);
    } catch (error) {
      // The provider's message names the problem (never the key); the address is not logged.
      const message = error instanceof Error ? error.message : String(error);
      await ctx.runMutation(internal.lifecycleEmails.finish, {
        emailId,
        error: message.slice(0, 300),
      });
      return null;
    }
    await ctx.runMutation(internal.lifecycleEmails.finish, { emailId });
    return null;
  },
});

/** Non-renewing access: a cancelled subscription, a one-off order, a manual grant. */
const ENDING_STATUSES = ["cancelling", "active"] as const;
const PAGE_SIZE = 100;

/**
 * The daily "access ending soon" pass: entitlements whose access ends within ENDING_SOON_DAYS and
 * will not renew on their own, read by index in pages that chain through the scheduler (the
 * window is fixed for the whole chain). One email per entitlement and period end, so running it
 * again (or daily while the end is near) mails nobody twice.
 */
export const remindEndingSoon = internalMutation({
  args: {
    phase: v.optional(v.number()),
    cursor: v.optional(v.union(v.string(), v.null())),
    windowStart: v.optional(v.number()),
  },
  returns: v.object({ queued: v.number(), more: v.boolean() }),
  handler: async (ctx, args) => {
    const phase = args.phase ?? 0;
    const status = ENDING_STATUSES[phase];
    if (status === undefined) return { queued: 0, more: false };
    const windowStart = args.windowStart ?? Date.now();
    const windowEnd = windowStart + ENDING_SOON_DAYS * DAY_MS;
    const page = await ctx.db
      .query("entitlements")
      .withIndex("by_status_and_access_until", (q) =>
        q.eq("status", status).gt("accessUntil", windowStart).lte("accessUntil", windowEnd),
      )
      .paginate({ cursor: args.cursor ?? null, numItems: PAGE_SIZE });
    let queued = 0;
    for (const row of page.page) {
      // An active subscription renews by itself; its customer hears only if the payment fails.
      if (row.userId === undefined || row.accessUntil === undefined) continue;
      if (row.status === "active" && row.source === "subscription") continue;
      const isNew = await queueLifecycleEmail(ctx, {
        userId: row.userId,
        kind: "access_ending",
        tierKey: row.tierKey,
        period: `${row._id}:${row.accessUntil}`,
        accessUntil: row.accessUntil,
        now: Date.now(),
      });
      if (isNew) queued += 1;
    }
    const next = page.isDone
      ? { phase: phase + 1, cursor: null }
      : { phase, cursor: page.continueCursor };
    const more = next.phase < ENDING_STATUSES.length;
    if (more) {
      await ctx.scheduler.runAfter(0, internal.lifecycleEmails.remindEndingSoon, {
        ...next,
        windowStart,
      });
    }
    return { queued, more };
  },
});
