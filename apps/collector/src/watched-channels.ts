import type { WatchedChannel } from "./ingest-api.js";

/** The live set of source channels to ingest, fed by the Convex subscription. */
export class WatchedChannels {
  private channels = new Map<string, WatchedChannel>();
  private received = false;

  /** True once the first subscription result arrived. */
  get loaded(): boolean {
    return this.received;
  }

  has(channelId: string): boolean {
    return this.channels.has(channelId);
  }

  list(): WatchedChannel[] {
    return [...this.channels.values()];
  }

  ids(): string[] {
    return [...this.channels.keys()];
  }

  /** Replaces the set; returns which channel ids were added and removed. */
  replace(next: readonly WatchedChannel[]): { added: string[]; removed: string[] } {
    const previous = this.channels;
    this.channels = new Map(next.map((channel) => [channel.channelId, channel]));
    this.received = true;
    return {
      added: [...this.channels.keys()].filter((id) => !previous.has(id)),
      removed: [...previous.keys()].filter((id) => !this.channels.has(id)),
    };
  }
}
