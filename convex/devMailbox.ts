import { v } from "convex/values";
import { internalMutation, internalQuery } from "./_generated/server";
import { devMailboxQuery } from "./functions";
import { isLoopbackDeployment } from "./model/email/email";
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
 * The code of the newest mail to an address that carries one (sign-up, sign-in and reset codes),
 * for tests and scripts with the admin key. Lifecycle emails (access granted, payment failed, …)
 * can arrive after a code was sent: reading the newest mail alone would pick one of them.
 */
export const latestCodeFor = internalQuery({
  args: { to: v.string() },
  returns: v.union(v.string(), v.null()),
  handler: async (ctx, { to }) => {
    const mails = await ctx.db
      .query("devMailbox")
      .withIndex("by_to", (q) => q.eq("to", to.toLowerCase()))
      .order("desc")
      .take(50);
    return mails.find((mail) => mail.code !== undefined)?.code ?? null;
  },
});

/**
 * The /dev/mailbox page: the newest local mails. Exists only while EMAIL_PROVIDER=dev on a
 * loopback deployment and answers only to DEV_MAILBOX_SECRET (both checked by devMailboxQuery).
 */
export const recent = devMailboxQuery({
  args: {},
  returns: v.array(vMail),
  handler: async (ctx) => ctx.db.query("devMailbox").order("desc").take(50),
});
