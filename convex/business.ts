import { v } from "convex/values";
import { lastMonthKeys, WEEK_MS, weekStartOf } from "./model/shared/calendar";
import { tiersInOrder } from "./model/payments/tierMapping";
import { adminQuery } from "./functions";
import { revenueMonthFields } from "./tables/business";

/**
 * The admin's business overview, read from the rollups that the entitlement writer and webhook
 * processing maintain (memberCounts, memberWeeks, revenueMonths) — a few dozen rows, never the
 * payments or entitlements themselves — plus one bounded index range for the renewals due.
 */

const WEEKS = 12;
const MONTHS = 12;
const MAX_TIERS = 50;
const MAX_CURRENCIES = 10;
const MAX_DUE = 500;
const DUE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export const overview = adminQuery({
  args: {},
  returns: v.object({
    generatedAt: v.number(),
    tiers: v.array(v.object({ key: v.string(), name: v.string(), active: v.number() })),
    /** Oldest first; `active` is per tier, in the order of `tiers`, at the end of the week. */
    weeks: v.array(
      v.object({
        weekStart: v.number(),
        joined: v.number(),
        lost: v.number(),
        active: v.array(v.number()),
      }),
    ),
    /** Oldest first, one row per month and currency that had any payment. */
    months: v.array(v.object(revenueMonthFields)),
    renewalsDue: v.object({
      /** Active subscriptions whose period ends in the next 7 days. */
      subscriptions: v.number(),
      /** One-off orders and manual grants whose access ends in the next 7 days. */
      expiring: v.number(),
      /** More than the counted bound: the numbers are "at least". */
      capped: v.boolean(),
    }),
  }),
  handler: async (ctx) => {
    const now = Date.now();
    const tierDocs = await tiersInOrder(ctx, MAX_TIERS);
    const tiers: { key: string; name: string; active: number }[] = [];
    for (const tier of tierDocs) {
      const counter = await ctx.db
        .query("memberCounts")
        .withIndex("by_tier", (q) => q.eq("tierKey", tier.key))
        .unique();
      tiers.push({ key: tier.key, name: tier.name, active: counter?.active ?? 0 });
    }

    const thisWeek = weekStartOf(now);
    const firstWeek = thisWeek - (WEEKS - 1) * WEEK_MS;
    const weekRows = await ctx.db
      .query("memberWeeks")
      .withIndex("by_week_and_tier", (q) => q.gte("weekStart", firstWeek))
      .take(WEEKS * MAX_TIERS);
    const weeks = Array.from({ length: WEEKS }, (_, i) => ({
      weekStart: firstWeek + i * WEEK_MS,
      joined: 0,
      lost: 0,
      net: tiers.map(() => 0),
    }));
    for (const row of weekRows) {
      const week = weeks[Math.round((row.weekStart - firstWeek) / WEEK_MS)];
      if (week === undefined) continue;
      week.joined += row.joined;
      week.lost += row.lost;
      const tierIndex = tiers.findIndex((tier) => tier.key === row.tierKey);
      if (tierIndex >= 0) week.net[tierIndex] = row.joined - row.lost;
    }
    // Members at the end of each week: today's count, less what changed in the weeks after it.
    let active = tiers.map((tier) => tier.active);
    const activeAtEnd: number[][] = [];
    for (let i = WEEKS - 1; i >= 0; i--) {
      activeAtEnd[i] = active;
      const net = weeks[i]?.net ?? [];
      active = active.map((count, t) => Math.max(0, count - (net[t] ?? 0)));
    }

    const monthKeys = lastMonthKeys(now, MONTHS);
    const months = await ctx.db
      .query("revenueMonths")
      .withIndex("by_month_and_currency", (q) => q.gte("month", monthKeys[0] ?? ""))
      .take(MONTHS * MAX_CURRENCIES);

    const due = await ctx.db
      .query("entitlements")
      .withIndex("by_status_and_access_until", (q) =>
        q
          .eq("status", "active")
          .gt("accessUntil", now)
          .lte("accessUntil", now + DUE_WINDOW_MS),
      )
      .take(MAX_DUE + 1);
    const counted = due.slice(0, MAX_DUE);
    const subscriptions = counted.filter((row) => row.source === "subscription").length;

    return {
      generatedAt: now,
      tiers,
      weeks: weeks.map((week, i) => ({
        weekStart: week.weekStart,
        joined: week.joined,
        lost: week.lost,
        active: activeAtEnd[i] ?? [],
      })),
      months: months.map(({ _id: _i, _creationTime: _c, ...month }) => month),
      renewalsDue: {
        subscriptions,
        expiring: counted.length - subscriptions,
        capped: due.length > MAX_DUE,
      },
    };
  },
});
