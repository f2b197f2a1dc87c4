/**
 * Per-channel write pipeline. The writes of one channel (a Discord channel) are SENT one at a time
 * in arrival order, but a write does not wait for the previous one's confirmation before it is sent:
 * the Convex client puts mutations on its one WebSocket in call order and the backend runs one
 * session's mutations in that order (also when they are re-sent after a reconnect), so the effects
 * keep the arrival order while up to `window` writes per channel are in flight. Channels run
 * concurrently.
 *
 * What can still reorder effects is a write whose confirmation comes back as an error and is
 * retried: the writes already sent behind it run first. Three rules bound that:
 * - a write is not sent while an earlier write sharing one of its keys (message ids) is in flight,
 *   so the versions of one message (create → edit → delete) never reorder;
 * - a write that starts retrying calls `holdBack()`: nothing more of the channel is sent until it
 *   settles, so only the writes already in flight at that moment can overtake it;
 * - an exclusive task (a backfill) runs alone: after every earlier task settled, before any later.
 */

/** A write handed to the transport; `confirmed` settles with the server's answer. */
export type Sent<T> = { confirmed: Promise<T> };

export type WriteHandle = {
  /** Stops the channel from sending later writes until this one settles (it is being retried). */
  holdBack: () => void;
};

/**
 * Prepares a write (awaiting whatever it needs) and then sends it synchronously: the transport call
 * must be the last thing before returning, so that the send order is the order of these calls.
 */
export type SendWrite<T> = (handle: WriteHandle) => Promise<Sent<T>>;

type Task = {
  /** Message ids: sent only when no earlier in-flight write shares one. Empty for exclusive tasks. */
  keys: readonly string[];
  exclusive: boolean;
  /** Sends the task (or runs it, if exclusive); returns the write's settlement, never rejecting. */
  start: (handle: WriteHandle) => Promise<Sent<void> | undefined>;
};

type Channel = {
  queue: Task[];
  /** In-flight writes: settle (never reject) when confirmed or failed. */
  inFlight: Set<Promise<void>>;
  /** The latest in-flight write per key. */
  byKey: Map<string, Promise<void>>;
  /** Writes being retried: the channel sends nothing more until they settle. */
  holds: Set<Promise<void>>;
  /** The issuing loop; undefined when idle. */
  running: Promise<void> | undefined;
};

export const DEFAULT_WRITE_WINDOW = 32;

export class ChannelPipeline {
  private readonly channels = new Map<string, Channel>();
  private readonly window: number;
  private pending = 0;
  private inFlightCount = 0;
  private peak = 0;
  private closed = false;

  constructor(options: { window?: number } = {}) {
    const window = options.window ?? DEFAULT_WRITE_WINDOW;
    if (!Number.isInteger(window) || window < 1) {
      throw new Error(`write window must be a positive integer, got ${window}`);
    }
    this.window = window;
  }

  /** Tasks waiting, being sent or awaiting confirmation, across all channels. */
  get depth(): number {
    return this.pending;
  }

  /** Writes sent and not yet confirmed, across all channels. */
  get inFlight(): number {
    return this.inFlightCount;
  }

  /** The most writes of one channel ever in flight at once (≤ the window). */
  get peakInFlight(): number {
    return this.peak;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Queues a pipelined write behind the channel's earlier tasks. Rejects if closed. */
  write<T>(channelId: string, keys: readonly string[], send: SendWrite<T>): Promise<T> {
    return this.enqueue<T>(channelId, false, keys, async (handle, resolve, reject) => {
      let sent: Sent<T>;
      try {
        sent = await send(handle);
      } catch (error) {
        reject(error);
        return undefined;
      }
      // Wrapped: an async function returning the promise itself would wait for it.
      return { confirmed: sent.confirmed.then(resolve, reject) };
    });
  }

  /**
   * Queues a task that runs alone: after every earlier task of the channel has settled, and before
   * any later one is sent. Its own writes are its business (a backfill writes one at a time).
   */
  exclusive<T>(channelId: string, task: () => Promise<T>): Promise<T> {
    return this.enqueue<T>(channelId, true, [], async (_handle, resolve, reject) => {
      try {
        resolve(await task());
      } catch (error) {
        reject(error);
      }
      return undefined;
    });
  }

  /** Stops intake; queued tasks still run. */
  close(): void {
    this.closed = true;
  }

  /** Resolves when every task queued so far has settled (confirmed or failed). */
  async drain(): Promise<void> {
    for (;;) {
      const busy: Promise<void>[] = [];
      for (const channel of this.channels.values()) {
        if (channel.running !== undefined) busy.push(channel.running);
        busy.push(...channel.inFlight);
      }
      if (busy.length === 0) return;
      await Promise.all(busy);
    }
  }

  private enqueue<T>(
    channelId: string,
    exclusive: boolean,
    keys: readonly string[],
    run: (
      handle: WriteHandle,
      resolve: (value: T) => void,
      reject: (error: unknown) => void,
    ) => Promise<Sent<void> | undefined>,
  ): Promise<T> {
    if (this.closed) return Promise.reject(new Error("queue is closed: shutting down"));
    this.pending++;
    const channel = this.channelOf(channelId);
    const result = new Promise<T>((resolve, reject) => {
      channel.queue.push({
        keys,
        exclusive,
        start: (handle) => run(handle, resolve, reject),
      });
    });
    channel.running ??= this.issue(channelId, channel);
    return result;
  }

  private channelOf(channelId: string): Channel {
    let channel = this.channels.get(channelId);
    if (channel === undefined) {
      channel = {
        queue: [],
        inFlight: new Set(),
        byKey: new Map(),
        holds: new Set(),
        running: undefined,
      };
      this.channels.set(channelId, channel);
    }
    return channel;
  }

  /** The channel's issuing loop: one task at a time, in order, each once its turn has come. */
  private async issue(channelId: string, channel: Channel): Promise<void> {
    for (let task = channel.queue.shift(); task !== undefined; task = channel.queue.shift()) {
      await this.turnOf(channel, task);
      await this.start(channelId, channel, task);
    }
    // No await since the queue was seen empty: a task enqueued from here on starts a new loop.
    channel.running = undefined;
    this.forgetIfIdle(channelId, channel);
  }

  /** Waits until the task may be sent: a free slot, no hold, no in-flight write of its keys. */
  private async turnOf(channel: Channel, task: Task): Promise<void> {
    for (;;) {
      if (channel.holds.size > 0) {
        await Promise.all([...channel.holds]);
        continue;
      }
      if (task.exclusive ? channel.inFlight.size > 0 : channel.inFlight.size >= this.window) {
        await Promise.race(channel.inFlight);
        continue;
      }
      const conflicts = task.keys
        .map((key) => channel.byKey.get(key))
        .filter((write) => write !== undefined);
      if (conflicts.length > 0) {
        await Promise.all(conflicts);
        continue;
      }
      return;
    }
  }

  private async start(channelId: string, channel: Channel, task: Task): Promise<void> {
    // holdBack may come during the send (before the write is tracked) or any time after it.
    const state: { held: boolean; write?: Promise<void> } = { held: false };
    const handle: WriteHandle = {
      holdBack: () => {
        state.held = true;
        if (state.write !== undefined) this.hold(channel, state.write);
      },
    };
    const sent = await task.start(handle);
    if (sent === undefined) {
      this.pending--;
      return;
    }
    const write: Promise<void> = sent.confirmed.finally(() => {
      channel.inFlight.delete(write);
      for (const key of task.keys) if (channel.byKey.get(key) === write) channel.byKey.delete(key);
      this.inFlightCount--;
      this.pending--;
      this.forgetIfIdle(channelId, channel);
    });
    state.write = write;
    channel.inFlight.add(write);
    for (const key of task.keys) channel.byKey.set(key, write);
    this.inFlightCount++;
    this.peak = Math.max(this.peak, channel.inFlight.size);
    if (state.held) this.hold(channel, write);
  }

  private hold(channel: Channel, write: Promise<void>): void {
    if (!channel.inFlight.has(write)) return;
    channel.holds.add(write);
    void write.then(() => channel.holds.delete(write));
  }

  /** Drops an idle channel's state (the map only holds channels with work). */
  private forgetIfIdle(channelId: string, channel: Channel): void {
    if (channel.running !== undefined || channel.queue.length > 0 || channel.inFlight.size > 0) {
      return;
    }
    if (this.channels.get(channelId) === channel) this.channels.delete(channelId);
  }
}
