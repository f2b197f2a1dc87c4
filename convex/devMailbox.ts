import { ConvexError, v } from "convex/values";
import { internalMutation, internalQuery, query } from "./_generated/server";
import { constantTimeEqual } from "./model/constantTime";
import { emailProvider, isLoopbackDeployment } from "./model/email";
import { optionalEnv } from "./model/env";
import { operationsTables } from "./tables/operations";

const vMailFields = operationsTables.devMailbox.validator;
const vMail = vMailFields.extend({ _id: v.id("devMailbox"), _creationTime: v.number() });

/** Writes one email to the local mailbox (EMAIL_PROVIDER=dev on a loopback deployment only). */
export const deliver = internalMutation({
  args: vMailFields.omit("sentAt").fields,
  returns: v.null(),
  handler: async (ctx, args) => {
    // sendEmail already chose "dev"; checked again so no other caller can fill a mailbox off loopback.
    if (!isLoopbackDeployment())
      throw new Error("The dev mailbox exists on loopback deployments only.");
    await ctx.db.insert("devMailbox", { ...args, to: args.to.toLowerCase(), sentAt: Date.now() });
    return null;
  },
});

/** The newest mails for one address: for tests and scripts with the admin key. */
export const latestFor = internalQuery({
  args: { to: v.string(), limit: v.optional(v.number()) },
  returns: v.array(vMail),
  handler: async (ctx, { to, limit }) => {
    return ctx.db
      .query("devMailbox")
      .withIndex("by_to", (q) => q.eq("to", to.toLowerCase()))
      .order("desc")
      .take(Math.min(Math.max(limit ?? 10, 1), 50));
  },
});

/**
 * The /dev/mailbox page: the newest local mails. Exists only while EMAIL_PROVIDER=dev on a
 * loopback deployment (emailProvider refuses dev anywhere else). Even there it answers only to
 * DEV_MAILBOX_SECRET, which the web server holds and the browser never sees: the backend's CORS is
 * open and its port well known, so any web page the developer visits could otherwise read a code
 * and verify an account (admin@g3.local included) from their own browser.
 */
export const recent = query({
  args: { secret: v.string() },
  returns: v.array(vMail),
  handler: async (ctx, { secret }) => {
    let provider: string;
    try {
      provider = emailProvider();
    } catch {
      provider = "misconfigured";
    }
    if (provider !== "dev") {
      throw new ConvexError({
        code: "NOT_FOUND",
        message: "The dev mailbox only exists with EMAIL_PROVIDER=dev on a loopback deployment.",
      });
    }
    const expected = optionalEnv("DEV_MAILBOX_SECRET");
    if (expected === undefined || !constantTimeEqual(secret, expected)) {
      throw new ConvexError({
        code: "FORBIDDEN",
        message: "The dev mailbox answers only to DEV_MAILBOX_SECRET (read it on /dev/mailbox).",
      });
    }
    return ctx.db.query("devMailbox").order("desc").take(50);
  },
});
