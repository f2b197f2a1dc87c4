// Two balances whose sum never changes: a query that sees them at two different states would
// report another sum.
import { mutationGeneric, queryGeneric } from "convex/server";
import { v } from "convex/values";
import { yieldTurns } from "./turns";

type Account = { balance: number };

export const open = mutationGeneric({
  args: { name: v.string(), balance: v.number() },
  handler: async (ctx, args) => await ctx.db.insert("accounts", args),
});

export const transfer = mutationGeneric({
  args: { from: v.id("accounts"), to: v.id("accounts"), amount: v.number() },
  handler: async (ctx, { from, to, amount }) => {
    const source = (await ctx.db.get(from)) as Account | null;
    const target = (await ctx.db.get(to)) as Account | null;
    if (source === null || target === null) throw new Error("no such account");
    await ctx.db.patch(from, { balance: source.balance - amount });
    await ctx.db.patch(to, { balance: target.balance + amount });
  },
});

/** Sum of both balances, reading them with event-loop turns in between. */
export const total = queryGeneric({
  args: { a: v.id("accounts"), b: v.id("accounts"), turns: v.number() },
  handler: async (ctx, { a, b, turns }) => {
    const first = (await ctx.db.get(a)) as Account | null;
    await yieldTurns(turns);
    const second = (await ctx.db.get(b)) as Account | null;
    return (first?.balance ?? 0) + (second?.balance ?? 0);
  },
});
