// The recent commits, kept in memory for optimistic concurrency control: a transaction notes the
// sequence number it began at, and at commit its read set is checked against every commit since.
// Commits older than the oldest running transaction can no longer conflict and are dropped.
import { type DocumentChange } from "./documentStore.js";

export type LoggedCommit = {
  readonly seq: number;
  readonly changes: readonly DocumentChange[];
  /** The function that committed it (null for system bookkeeping). */
  readonly writeSource: string | null;
};

export class CommitLog {
  private seq = 0;
  private entries: LoggedCommit[] = [];
  /** Running transactions per starting sequence number. */
  private readonly running = new Map<number, number>();

  /** Registers a transaction starting now; returns its starting sequence number. */
  begin(): number {
    this.running.set(this.seq, (this.running.get(this.seq) ?? 0) + 1);
    return this.seq;
  }

  /** Unregisters a transaction (committed or rolled back). */
  end(startSeq: number): void {
    const count = this.running.get(startSeq) ?? 0;
    if (count <= 1) this.running.delete(startSeq);
    else this.running.set(startSeq, count - 1);
    this.prune();
  }

  append(changes: readonly DocumentChange[], writeSource: string | null): void {
    this.seq += 1;
    // With no transaction running, no one can conflict with it.
    if (changes.length > 0 && this.running.size > 0) {
      this.entries.push({ seq: this.seq, changes, writeSource });
    }
  }

  /** Commits made after `startSeq`, oldest first. */
  *since(startSeq: number): Generator<LoggedCommit> {
    for (const entry of this.entries) if (entry.seq > startSeq) yield entry;
  }

  /** Entries kept (for tests: the log must not grow without bound). */
  get size(): number {
    return this.entries.length;
  }

  private prune(): void {
    let oldest = Infinity;
    for (const start of this.running.keys()) if (start < oldest) oldest = start;
    let drop = 0;
    while (drop < this.entries.length && (this.entries[drop]?.seq ?? Infinity) <= oldest) drop++;
    if (drop > 0) this.entries = this.entries.slice(drop);
  }
}
