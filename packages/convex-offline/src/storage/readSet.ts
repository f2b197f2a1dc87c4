// What a query run read, precise enough to tell whether a later commit can change its result:
// point reads by ID, index ranges (narrowed to the rows actually scanned), full-text searches
// (documents with the search's filter values whose text holds one of its terms, as Convex's
// search read sets), or whole tables (vector search, counts).
import { type Doc } from "../engine/vendor/convexTest.js";
import { type DocumentChange, indexKey } from "./documentStore.js";
import { type TextQuery, matchesFilters, mentionsQueryTerms } from "./textSearch.js";

export type RangeRead = {
  readonly kind: "range";
  readonly table: string;
  readonly fields: readonly string[];
  /** Inclusive lower bound, null = start of index. */
  readonly lower: string | null;
  /** Exclusive upper bound, null = end of index. */
  readonly upper: string | null;
  readonly order: "asc" | "desc";
  /** The last key scanned when the stream stopped early; null when read to the end. */
  lastKey: string | null;
  exhausted: boolean;
};
export type Read =
  | RangeRead
  | { readonly kind: "get"; readonly table: string; readonly id: string }
  | { readonly kind: "search"; readonly table: string; readonly query: TextQuery }
  | { readonly kind: "table"; readonly table: string };

function rangeContains(read: RangeRead, key: string): boolean {
  if (read.lower !== null && key < read.lower) return false;
  if (read.upper !== null && key >= read.upper) return false;
  if (!read.exhausted && read.lastKey !== null) {
    return read.order === "asc" ? key <= read.lastKey : key >= read.lastKey;
  }
  return true;
}

function docInRead(read: Read, doc: Doc): boolean {
  switch (read.kind) {
    case "get":
      return doc._id === read.id;
    case "table":
      return true;
    case "search":
      return matchesFilters(read.query, doc) && mentionsQueryTerms(read.query, doc);
    case "range":
      return rangeContains(read, indexKey(read.fields, doc));
  }
}

export class ReadSet {
  readonly reads: Read[] = [];
  readonly tables = new Set<string>();
  /** Pagination journal (wire note §2.10): the end cursor a re-run must stop at. */
  journalEndCursor: string | null = null;
  /** The continueCursor of this run's paginated query, for the next journal. */
  capturedCursor: string | null = null;
  /**
   * Whether the run read the caller's identity. A run that did not returns the same result for
   * every caller at this snapshot, so subscribers with other identities can share it.
   */
  identityObserved = false;

  add<T extends Read>(read: T): T {
    this.reads.push(read);
    this.tables.add(read.table);
    return read;
  }

  /** True when any change could alter what this read set saw. */
  touchedBy(changes: readonly DocumentChange[]): boolean {
    return this.conflictWith(changes) !== null;
  }

  /** The first change that could alter what this read set saw, or null. */
  conflictWith(changes: readonly DocumentChange[]): DocumentChange | null {
    for (const change of changes) {
      if (!this.tables.has(change.table)) continue;
      for (const read of this.reads) {
        if (read.table !== change.table) continue;
        if (change.before !== null && docInRead(read, change.before)) return change;
        if (change.after !== null && docInRead(read, change.after)) return change;
      }
    }
    return null;
  }
}
