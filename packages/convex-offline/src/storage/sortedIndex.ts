// One index: keys kept sorted in an array, found by binary search. Inserts and deletes
// splice (a memmove, fast at 10^5 rows); lookups and range starts are O(log n).

export type KeyRange = {
  /** Inclusive lower bound, or null for the start of the index. */
  readonly lower: string | null;
  /** Exclusive upper bound, or null for the end of the index. */
  readonly upper: string | null;
};

export class SortedIndex {
  private readonly keys: string[] = [];
  private readonly ids: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The first position whose key is >= key. */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] ?? "") < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(key: string, id: string): void {
    const at = this.lowerBound(key);
    if (this.keys[at] === key) {
      this.ids[at] = id;
      return;
    }
    this.keys.splice(at, 0, key);
    this.ids.splice(at, 0, id);
  }

  remove(key: string): void {
    const at = this.lowerBound(key);
    if (this.keys[at] !== key) return;
    this.keys.splice(at, 1);
    this.ids.splice(at, 1);
  }

  /** Bulk load from unsorted entries (restart): one sort instead of n splices. */
  load(entries: [string, string][]): void {
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.keys.length = 0;
    this.ids.length = 0;
    for (const [key, id] of entries) {
      this.keys.push(key);
      this.ids.push(id);
    }
  }

  /** Yields [key, id] in the range, ascending or descending. */
  *scan(range: KeyRange, order: "asc" | "desc"): Generator<[string, string]> {
    const start = range.lower === null ? 0 : this.lowerBound(range.lower);
    const end = range.upper === null ? this.keys.length : this.lowerBound(range.upper);
    if (order === "asc") {
      for (let i = start; i < end; i++) yield [this.keys[i] ?? "", this.ids[i] ?? ""];
    } else {
      for (let i = end - 1; i >= start; i--) yield [this.keys[i] ?? "", this.ids[i] ?? ""];
    }
  }
}
