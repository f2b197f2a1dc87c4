import {
  paginationOptsValidator,
  paginationResultValidator,
  type PaginationOptions,
} from "convex/server";
import { v, type Infer } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import { type QueryCtx } from "./_generated/server";
import { internal } from "./_generated/api";
import { accessEndsAt, hasAccess } from "./model/payments/access";
import {
  LIVE_PASS_WINDOW_MS,
  checkLivePass,
  issueLivePass,
  vLivePass,
} from "./model/feed/livePass";
import { currentPassEpoch } from "./model/feed/livePassEpoch";
import {
  type AttachmentLinkScope,
  attachmentLinkExpiry,
  attachmentLinkScope,
} from "./model/feed/attachmentLinks";
import { loadAttachments, vAttachmentView } from "./model/feed/attachments";
import { resolveFeedAccess, vLocked, vLockReason } from "./model/feed/feedAccess";
import { toSignalCard, vSignalCard } from "./model/feed/signalCard";
import { vParsedSignal, vSide } from "./tables/signals";
import { publicQuery, viewerMutation, viewerQuery } from "./functions";

const vFilters = v.object({
  tierKey: v.optional(v.string()),
  pair: v.optional(v.string()),
  side: v.optional(vSide),
  channelId: v.optional(v.string()),
  /**
   * Inclusive bounds on when the signal was posted in Discord (`sourceAt`, ms since epoch), not
   * when it reached us: the feed is ordered by post time and these bound that index range.
   */
  from: v.optional(v.number()),
  to: v.optional(v.number()),
  search: v.optional(v.string()),
});

type Filters = Infer<typeof vFilters>;

/** Whether the feed is open to the viewer, and which tiers; drives the locked screen. */
export const access = viewerQuery({
  args: {},
  returns: v.union(vLocked, v.object({ locked: v.literal(false), tiers: v.array(v.string()) })),
  handler: async (ctx) => resolveFeedAccess(ctx),
});

/**
 * The live feed, newest first, one tier at a time (the viewer's first tier unless one is asked
 * for). Every filter is served by an index; search uses the `search_content` index. Without access
 * the page is empty and `locked` says why: no signal content ever leaves the server.
 */
export const list = viewerQuery({
  args: { paginationOpts: paginationOptsValidator, filters: v.optional(vFilters) },
  returns: paginationResultValidator(vSignalCard).extend({
    locked: v.boolean(),
    lockReason: v.optional(vLockReason),
    purchaseUrl: v.optional(v.string()),
    tierKey: v.optional(v.string()),
  }),
  handler: async (ctx, { paginationOpts, filters = {} }) => {
    const gate = await resolveFeedAccess(ctx, filters.tierKey);
    if (gate.locked) {
      return {
        page: [],
        isDone: true,
        continueCursor: "",
        locked: true as const,
        lockReason: gate.reason,
        ...(gate.purchaseUrl === undefined ? {} : { purchaseUrl: gate.purchaseUrl }),
      };
    }
    const tierKey = gate.tiers[0] ?? "";
    const result = await pageOfSignals(ctx, tierKey, filters, paginationOpts);
    const links = await attachmentLinkScope(ctx, tierKey, Date.now());
    const page = [];
    for (const signal of result.page) page.push(await toSignalCard(ctx, signal, links));
    return {
      page,
      isDone: result.isDone,
      continueCursor: result.continueCursor,
      ...(result.splitCursor === undefined ? {} : { splitCursor: result.splitCursor }),
      ...(result.pageStatus === undefined ? {} : { pageStatus: result.pageStatus }),
      locked: false as const,
      tierKey,
    };
  },
});

/**
 * How many of a tier's newest signals the live feed carries; older ones come from `list`. Every
 * new signal re-sends the whole head to every viewer (Convex sends whole query results), so it is
 * kept small: five cards are about 3.4 KB per signal per viewer where ten were 6.7 KB, and each
 * viewer's client spends a fifth to a third less CPU on it (docs/performance.md, round 7). Five
 * still covers steady traffic; a burst past it reaches viewers through their history.
 */
export const LIVE_HEAD_SIZE = 5;

const vLiveFilters = v.object({
  pair: v.optional(v.string()),
  side: v.optional(vSide),
  channelId: v.optional(v.string()),
});

/**
 * A live pass for one of the viewer's tiers (the first unless one is asked for), after the
 * access gate. The dashboard calls it when it opens the feed and again each window.
 */
export const livePass = viewerMutation({
  args: { tierKey: v.optional(v.string()) },
  returns: v.union(
    vLocked,
    v.object({
      locked: v.literal(false),
      pass: vLivePass,
      /** When the next window's pass can be had: renew then (the current one stays valid). */
      renewAt: v.number(),
    }),
  ),
  handler: async (ctx, { tierKey }) => {
    const gate = await resolveFeedAccess(ctx, tierKey);
    if (gate.locked) return gate;
    const { viewer } = ctx;
    if (viewer === null) throw new Error("the access gate opened without a viewer");
    const tier = gate.tiers[0] ?? "";
    const now = Date.now();
    const pass = await issueLivePass(tier, await currentPassEpoch(ctx, tier), now);
    // Access that ends on its own before the pass does (period end, end of grace) writes
    // nothing at that moment: schedule the epoch bump a revocation would have made.
    const endsAt = await accessEndsAt(ctx, viewer._id, tier, now);
    if (endsAt < pass.expiresAt) {
      await ctx.scheduler.runAt(endsAt, internal.livePassEpochs.bumpAfterLapse, {
        tierKey: tier,
        lapsedAt: endsAt,
      });
    }
    return { locked: false as const, pass, renewAt: pass.expiresAt - LIVE_PASS_WINDOW_MS };
  },
});

/**
 * The live head of a tier's feed: its newest signals (up to LIVE_HEAD_SIZE), newest first.
 * Access is proven by the pass, not by reading the caller, so every viewer of a tier holding the
 * current pass shares one evaluation per change (see model/feed/livePass.ts). A stale or forged pass
 * gets no content, only the reason.
 */
export const live = publicQuery({
  args: { pass: vLivePass, filters: v.optional(vLiveFilters) },
  returns: v.union(
    v.object({
      ok: v.literal(true),
      tierKey: v.string(),
      cards: v.array(vSignalCard),
      /** True when these are all of the tier's matching signals (no older history). */
      complete: v.boolean(),
    }),
    v.object({
      ok: v.literal(false),
      reason: v.union(v.literal("expired"), v.literal("invalid"), v.literal("revoked")),
    }),
  ),
  handler: async (ctx, { pass, filters = {} }) => {
    const check = await checkLivePass(pass, Date.now());
    if (check !== "valid") return { ok: false as const, reason: check };
    // Someone in the tier lost access since this pass was issued: every pass of the tier dies,
    // honest dashboards ask the gate for a new one (spread out, see lib/live-feed.ts).
    if (pass.epoch !== (await currentPassEpoch(ctx, pass.tierKey))) {
      return { ok: false as const, reason: "revoked" as const };
    }
    const signals = await newestFirst(ctx, pass.tierKey, filters, 0, Number.MAX_SAFE_INTEGER).take(
      LIVE_HEAD_SIZE,
    );
    // Links follow from the pass alone (same for every holder): one shared evaluation still.
    const links = {
      tierKey: pass.tierKey,
      epoch: pass.epoch,
      expiresAt: attachmentLinkExpiry(pass.expiresAt),
    };
    const cards = [];
    for (const signal of signals) cards.push(await toSignalCard(ctx, signal, links));
    return {
      ok: true as const,
      tierKey: pass.tierKey,
      cards,
      complete: signals.length < LIVE_HEAD_SIZE,
    };
  },
});

async function pageOfSignals(
  ctx: QueryCtx,
  tierKey: string,
  filters: Filters,
  opts: PaginationOptions,
) {
  const from = filters.from ?? 0;
  const to = filters.to ?? Number.MAX_SAFE_INTEGER;
  const search = filters.search?.trim();
  if (search !== undefined && search.length > 0) {
    // Search results come in relevance order; the search index carries the equality filters.
    // A date range narrows each page afterwards (search filters are equalities only).
    const result = await ctx.db
      .query("signals")
      .withSearchIndex("search_content", (q) => {
        let s = q.search("content", search.slice(0, 200)).eq("tierKey", tierKey);
        if (filters.pair !== undefined) s = s.eq("pair", filters.pair);
        if (filters.side !== undefined) s = s.eq("side", filters.side);
        if (filters.channelId !== undefined) s = s.eq("sourceChannelId", filters.channelId);
        return s;
      })
      .paginate(opts);
    return {
      ...result,
      page: result.page.filter((doc) => doc.sourceAt >= from && doc.sourceAt <= to),
    };
  }
  return newestFirst(ctx, tierKey, filters, from, to).paginate(opts);
}

/**
 * A tier's signals matching the equality filters and post-time bounds, newest posted first, by
 * index. Post time, not ingest time: imported history interleaves with live signals where it was
 * posted (ties fall back to ingest order, the index's implicit last field).
 */
function newestFirst(
  ctx: QueryCtx,
  tierKey: string,
  filters: Omit<Filters, "search">,
  from: number,
  to: number,
) {
  // The most selective equality picks the index; sourceAt (its last field) bounds the dates.
  const base = ctx.db.query("signals");
  let ordered;
  if (filters.pair !== undefined) {
    const pair = filters.pair;
    ordered = base.withIndex("by_tier_pair_and_source_at", (q) =>
      q.eq("tierKey", tierKey).eq("pair", pair).gte("sourceAt", from).lte("sourceAt", to),
    );
  } else if (filters.channelId !== undefined) {
    const channelId = filters.channelId;
    ordered = base.withIndex("by_tier_channel_and_source_at", (q) =>
      q
        .eq("tierKey", tierKey)
        .eq("sourceChannelId", channelId)
        .gte("sourceAt", from)
        .lte("sourceAt", to),
    );
  } else if (filters.side !== undefined) {
    const side = filters.side;
    ordered = base.withIndex("by_tier_side_and_source_at", (q) =>
      q.eq("tierKey", tierKey).eq("side", side).gte("sourceAt", from).lte("sourceAt", to),
    );
  } else {
    ordered = base.withIndex("by_tier_and_source_at", (q) =>
      q.eq("tierKey", tierKey).gte("sourceAt", from).lte("sourceAt", to),
    );
  }
  // Combined filters (e.g. pair + side) narrow within the index range already chosen above.
  const needsSide = filters.side !== undefined && (filters.pair ?? filters.channelId) !== undefined;
  const needsChannel = filters.channelId !== undefined && filters.pair !== undefined;
  const narrowed =
    needsSide || needsChannel
      ? // Only for two filters at once; the index already bounds the scan to one pair/channel.
        // eslint-disable-next-line @convex-dev/no-filter-in-query
        ordered.filter((q) =>
          q.and(
            needsSide ? q.eq(q.field("side"), filters.side) : true,
            needsChannel ? q.eq(q.field("sourceChannelId"), filters.channelId) : true,
          ),
        )
      : ordered;
  return narrowed.order("desc");
}

const vRevision = v.object({
  version: v.number(),
  change: v.union(v.literal("create"), v.literal("edit"), v.literal("delete")),
  at: v.number(),
  content: v.string(),
  parsed: vParsedSignal,
  attachments: v.array(vAttachmentView),
});

/**
 * One signal with its full edit history (oldest first), gated like the feed. A signal the viewer
 * cannot read gets the same answer as an id that does not exist.
 */
export const signal = viewerQuery({
  args: { signalId: v.id("signals") },
  returns: v.union(
    vLocked,
    v.object({ locked: v.literal(false), found: v.literal(false) }),
    v.object({
      locked: v.literal(false),
      found: v.literal(true),
      signal: vSignalCard,
      revisions: v.array(vRevision),
    }),
  ),
  handler: async (ctx, { signalId }) => {
    // The gate is asked without the signal's tier, and an unreadable signal is "not found":
    // the answer (lock reason, purchase link) must not tell which tier an id belongs to, or
    // that it exists at all.
    const gate = await resolveFeedAccess(ctx);
    if (gate.locked) return gate;
    const doc = await ctx.db.get("signals", signalId);
    if (doc === null || !gate.tiers.includes(doc.tierKey)) {
      return { locked: false as const, found: false as const };
    }
    const revisions = await ctx.db
      .query("signalRevisions")
      .withIndex("by_signal_and_version", (q) => q.eq("signalId", signalId))
      .take(100);
    const links = await attachmentLinkScope(ctx, doc.tierKey, Date.now());
    const views = [];
    for (const revision of revisions) views.push(await toRevisionView(ctx, revision, links));
    return {
      locked: false as const,
      found: true as const,
      signal: await toSignalCard(ctx, doc, links),
      revisions: views,
    };
  },
});

async function toRevisionView(
  ctx: QueryCtx,
  revision: Doc<"signalRevisions">,
  links: AttachmentLinkScope,
) {
  return {
    version: revision.version,
    change: revision.change,
    at: revision.at,
    content: revision.content,
    parsed: revision.parsed,
    attachments: await loadAttachments(ctx, revision.attachmentIds, links),
  };
}

/** The source channels the viewer can read, for the channel filter. Empty without access. */
export const channels = viewerQuery({
  args: {},
  returns: v.array(v.object({ channelId: v.string(), label: v.string(), tierKey: v.string() })),
  handler: async (ctx) => {
    const gate = await resolveFeedAccess(ctx);
    if (gate.locked) return [];
    const tiers = new Set(gate.tiers);
    const mappings = await ctx.db
      .query("channelMappings")
      .withIndex("by_enabled", (q) => q.eq("enabled", true))
      .take(500);
    const seen = new Map<string, { channelId: string; label: string; tierKey: string }>();
    for (const mapping of mappings) {
      if (!tiers.has(mapping.tierKey) || seen.has(mapping.sourceChannelId)) continue;
      seen.set(mapping.sourceChannelId, {
        channelId: mapping.sourceChannelId,
        label: mapping.label,
        tierKey: mapping.tierKey,
      });
    }
    return [...seen.values()].sort((a, b) => a.label.localeCompare(b.label));
  },
});

/** Samples older than this are not live deliveries (a reconnect, a backfill): not recorded. */
const LIVE_WINDOW_MS = 10 * 60 * 1000;
/**
 * At most this many `committed_to_web` samples per signal, whoever reports: storage grows with
 * signals, not with viewers, and one member cannot flood the panel (the retention cron bounds age).
 */
export const MAX_WEB_SAMPLES_PER_SIGNAL = 20;

/**
 * The dashboard reports when a live subscription first showed a new signal: one
 * `committed_to_web` latency sample for the SLO panel. Only readers of the signal's tier count.
 * `full` says the signal has its samples: dashboards lower their reporting rate on it, so the
 * reports per signal stay about the cap however many viewers there are (lib/latency-sampling.ts).
 */
export const reportSeen = viewerMutation({
  args: { signalId: v.id("signals") },
  returns: v.object({ recorded: v.boolean(), full: v.boolean() }),
  handler: async (ctx, { signalId }) => {
    const refused = { recorded: false, full: false };
    const { viewer } = ctx;
    if (viewer === null) return refused;
    const signal = await ctx.db.get("signals", signalId);
    if (signal === null) return refused;
    const now = Date.now();
    if (!(await hasAccess(ctx, viewer._id, signal.tierKey, now))) return refused;
    const ms = now - signal.committedAt;
    if (ms < 0 || ms > LIVE_WINDOW_MS || signal.version !== 1) return refused;
    const existing = await ctx.db
      .query("latencySamples")
      .withIndex("by_signal_and_hop", (q) =>
        q.eq("signalId", signalId).eq("hop", "committed_to_web"),
      )
      .take(MAX_WEB_SAMPLES_PER_SIGNAL);
    if (existing.length >= MAX_WEB_SAMPLES_PER_SIGNAL) return { recorded: false, full: true };
    await ctx.db.insert("latencySamples", { hop: "committed_to_web", ms, at: now, signalId });
    return { recorded: true, full: existing.length + 1 >= MAX_WEB_SAMPLES_PER_SIGNAL };
  },
});
