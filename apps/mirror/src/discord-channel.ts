import { type Client, type GuildTextBasedChannel } from "discord.js";

/** The customer channel of a delivery, from cache or REST (which throws 10003/50001 when gone). */
export async function resolveTextChannel(
  client: Client,
  channelId: string,
): Promise<GuildTextBasedChannel> {
  const channel = client.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId));
  if (channel === null || !channel.isTextBased() || channel.isDMBased()) {
    throw new NotATextChannelError(channelId);
  }
  return channel;
}

export class NotATextChannelError extends Error {
  constructor(readonly channelId: string) {
    super(`Channel ${channelId} is not a text channel of a guild; fix the channel mapping.`);
    this.name = "NotATextChannelError";
  }
}
