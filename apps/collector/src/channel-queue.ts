/**
 * One serial queue per key (a Discord channel): tasks of a channel run one at a time in arrival
 * order, so per-channel ordering is preserved; different channels run concurrently.
 */
export class KeyedSerialQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private pending = 0;
  private closed = false;

  /** Tasks waiting or running, across all keys. */
  get depth(): number {
    return this.pending;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Queues `task` behind the key's previous tasks. Rejects if the queue is closed. */
  enqueue<T>(key: string, task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("queue is closed: shutting down"));
    this.pending++;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(task);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      this.pending--;
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  /** Stops intake; already queued tasks still run. */
  close(): void {
    this.closed = true;
  }

  /** Resolves when every task queued so far has settled. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) {
      await Promise.all([...this.tails.values()]);
    }
  }
}
