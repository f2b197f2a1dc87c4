import { v, type Infer } from "convex/values";
import { z } from "zod";
import type { MutationCtx } from "../../_generated/server";
import {
  customerGuildId,
  enqueueRoleSync,
  paidRoleMap,
  userShouldHoldRole,
  type RoleAction,
} from "./roleSync";
import { appError } from "../shared/errors";

/**
 * Periodic reconciliation of one paid role. Convex cannot call Discord, so the bot fetches the
 * role's current holders and calls `roleSync.reconcileRoles` page by page until `isDone`. Each
 * page checks a page of linked accounts (entitled and missing the role → grant: a role a moderator
 * removed comes back; holding it without entitlement → revoke: a lapsed customer loses it) and a
 * slice of the holders (holder with no linked account → revoke: hand-granted roles do not stay).
 */

export const MAX_HOLDERS = 25_000;
const LINKS_PER_PAGE = 100;
const HOLDERS_PER_PAGE = 200;

const ZCursor = z.object({
  links: z.string().nullable(),
  linksDone: z.boolean(),
  holdersFrom: z.number().int().nonnegative(),
});
type Cursor = z.infer<typeof ZCursor>;

export const vReconcileResult = v.object({
  continueCursor: v.string(),
  isDone: v.boolean(),
  grants: v.number(),
  revokes: v.number(),
});

export async function reconcileRolePage(
  ctx: MutationCtx,
  args: { guildId: string; roleId: string; holders: string[]; cursor: string | null },
): Promise<Infer<typeof vReconcileResult>> {
  const guildId = customerGuildId();
  if (guildId === undefined || guildId !== args.guildId) {
    throw appError(
      "BAD_REQUEST",
      `Guild ${args.guildId} is not the customer guild configured in DISCORD_CUSTOMER_GUILD_ID.`,
    );
  }
  if (args.holders.length > MAX_HOLDERS) {
    throw appError("BAD_REQUEST", `At most ${MAX_HOLDERS} holders per reconciliation.`);
  }
  const tierKeys = (await paidRoleMap(ctx)).get(args.roleId);
  if (tierKeys === undefined) {
    throw appError(
      "BAD_REQUEST",
      `Role ${args.roleId} is not the paid role of any tier; set tiers.discordRoleId.`,
    );
  }
  const cursor = parseCursor(args.cursor);
  const holders = new Set(args.holders);
  const now = Date.now();
  const counts = { grants: 0, revokes: 0 };
  const enqueue = async (discordUserId: string, action: RoleAction, reason: string) => {
    if (await alreadyQueued(ctx, discordUserId, args.roleId)) return;
    await enqueueRoleSync(ctx, { discordUserId, guildId, roleId: args.roleId, action, reason });
    counts[action === "grant" ? "grants" : "revokes"]++;
  };

  let next: Cursor = { ...cursor };
  if (!cursor.linksDone) {
    const page = await ctx.db
      .query("discordLinks")
      .paginate({ numItems: LINKS_PER_PAGE, cursor: cursor.links });
    for (const link of page.page) {
      const entitled = await userShouldHoldRole(ctx, link.userId, tierKeys, now);
      const holds = holders.has(link.discordUserId);
      if (entitled && !holds) await enqueue(link.discordUserId, "grant", "reconcile: missing role");
      if (!entitled && holds)
        await enqueue(link.discordUserId, "revoke", "reconcile: not entitled");
    }
    next = { ...next, links: page.continueCursor, linksDone: page.isDone };
  }
  const slice = args.holders.slice(cursor.holdersFrom, cursor.holdersFrom + HOLDERS_PER_PAGE);
  for (const discordUserId of slice) {
    const link = await ctx.db
      .query("discordLinks")
      .withIndex("by_discord_user", (q) => q.eq("discordUserId", discordUserId))
      .unique();
    if (link === null) await enqueue(discordUserId, "revoke", "reconcile: holder not linked");
  }
  next = { ...next, holdersFrom: cursor.holdersFrom + slice.length };
  const isDone = next.linksDone && next.holdersFrom >= args.holders.length;
  return { continueCursor: JSON.stringify(next), isDone, ...counts };
}

function parseCursor(raw: string | null): Cursor {
  if (raw === null) return { links: null, linksDone: false, holdersFrom: 0 };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const parsed = ZCursor.safeParse(json);
  if (!parsed.success) {
    throw appError("BAD_REQUEST", "Invalid reconciliation cursor; start again with cursor null.");
  }
  return parsed.data;
}

async function alreadyQueued(
  ctx: MutationCtx,
  discordUserId: string,
  roleId: string,
): Promise<boolean> {
  for (const status of ["pending", "leased"] as const) {
    const open = await ctx.db
      .query("roleSyncJobs")
      .withIndex("by_discord_user_and_role", (q) =>
        q.eq("discordUserId", discordUserId).eq("roleId", roleId).eq("status", status),
      )
      .first();
    if (open !== null) return true;
  }
  return false;
}
