import type { Doc } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";

/** Upper bound on mappings read at once; the admin UI manages tens, not thousands. */
const MAX_MAPPINGS = 500;
const MAX_MAPPINGS_PER_CHANNEL = 20;

export type WatchedChannel = {
  channelId: string;
  guildId: string;
  tierKey: string;
  label: string;
};

/**
 * The source channels the collector must watch. A source channel may feed several customer
 * channels; its signals take the tier of its OLDEST enabled mapping (index order), the same rule
 * `findIngestMapping` applies, so both always agree.
 */
export async function listWatchedChannels(ctx: QueryCtx): Promise<WatchedChannel[]> {
  const mappings = await ctx.db
    .query("channelMappings")
    .withIndex("by_enabled", (q) => q.eq("enabled", true))
    .take(MAX_MAPPINGS);
  const byChannel = new Map<string, WatchedChannel>();
  for (const mapping of mappings) {
    if (byChannel.has(mapping.sourceChannelId)) continue;
    byChannel.set(mapping.sourceChannelId, {
      channelId: mapping.sourceChannelId,
      guildId: mapping.sourceGuildId,
      tierKey: mapping.tierKey,
      label: mapping.label,
    });
  }
  return [...byChannel.values()];
}

/** The enabled mapping that decides a source channel's tier, or null if the channel is unmapped. */
export async function findIngestMapping(
  ctx: QueryCtx,
  sourceChannelId: string,
): Promise<Doc<"channelMappings"> | null> {
  const mappings = await ctx.db
    .query("channelMappings")
    .withIndex("by_source_channel", (q) => q.eq("sourceChannelId", sourceChannelId))
    .take(MAX_MAPPINGS_PER_CHANNEL);
  return mappings.find((mapping) => mapping.enabled) ?? null;
}
