import { ConvexError, v } from "convex/values";
import { internalMutation, internalQuery, query } from "./_generated/server";
import { emailProvider } from "./model/email";
import { operationsTables } from "./tables/operations";

const vMailFields = operationsTables.devMailbox.validator;
const vMail = vMailFields.extend({ _id: v.id("devMailbox"), _creationTime: v.number() });

/** Writes one email to the local mailbox (EMAIL_PROVIDER=dev only). */
export const deliver = internalMutation({
  args: vMailFields.omit("sentAt").fields,
  returns: v.null(),
  handler: async (ctx, args) => {
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
 * The /dev/mailbox page: the newest local mails. Only exists while EMAIL_PROVIDER=dev — then the
 * deployment sends no real email and the page is how a developer reads verification codes.
 */
export const recent = query({
  args: {},
  returns: v.array(vMail),
  handler: async (ctx) => {
    let provider: string;
    try {
      provider = emailProvider();
    } catch {
      provider = "misconfigured";
    }
    if (provider !== "dev") {
      throw new ConvexError({
        code: "NOT_FOUND",
        message: "The dev mailbox only exists when EMAIL_PROVIDER=dev.",
      });
    }
    return ctx.db.query("devMailbox").order("desc").take(50);
  },
});
