// The committed state: documents per table plus one sorted index per declared index
// (and the built-in by_creation_time / by_id). Only top-level commits change it.
import { type Value } from "convex/values";
import { type Doc, evaluateFieldPath } from "../engine/vendor/convexTest.js";
import { CommitLog } from "./commitLog.js";
import { encodeKey } from "./keyEncoding.js";
import { SortedIndex } from "./sortedIndex.js";
import { storeTableFromId } from "./tableNamespace.js";

export type IndexDefinition = { readonly name: string; readonly fields: readonly string[] };
export type DocumentChange = {
  readonly table: string;
  readonly id: string;
  readonly before: Doc | null;
  readonly after: Doc | null;
};

type IndexState = { readonly fields: readonly string[]; readonly index: SortedIndex };
type TableState = { readonly docs: Map<string, Doc>; readonly indexes: Map<string, IndexState> };

export const BY_CREATION_TIME: IndexDefinition = {
  name: "by_creation_time",
  fields: ["_creationTime", "_id"],
};
export const BY_ID: IndexDefinition = { name: "by_id", fields: ["_id"] };

export function indexKey(fields: readonly string[], doc: Doc): string {
  const values: (Value | undefined)[] = [];
  for (const field of fields) values.push(evaluateFieldPath(field, doc));
  return encodeKey(values);
}

export class DocumentStore {
  private readonly tables = new Map<string, TableState>();
  private declared = new Map<string, readonly IndexDefinition[]>();
  nextDocId = 10000;
  lastCreationTime = 0;
  /** Recent commits, for validating running transactions (optimistic concurrency). */
  readonly commits = new CommitLog();

  /** Declares the schema's user indexes (each gets _creationTime and _id appended). */
  setIndexes(declared: Map<string, readonly IndexDefinition[]>): void {
    this.declared = declared;
    const all = [...this.tables.entries()];
    this.tables.clear();
    for (const [table, state] of all) {
      const fresh = this.table(table);
      for (const [id, doc] of state.docs) fresh.docs.set(id, doc);
      this.rebuildIndexes(fresh);
    }
  }

  indexFields(table: string, indexName: string): readonly string[] | null {
    if (indexName === BY_CREATION_TIME.name) return BY_CREATION_TIME.fields;
    if (indexName === BY_ID.name) return BY_ID.fields;
    const found = this.declared.get(table)?.find((index) => index.name === indexName);
    return found ? [...found.fields, "_creationTime", "_id"] : null;
  }

  get(id: string): Doc | null {
    const table = storeTableFromId(id);
    if (table === null) return null;
    return this.tables.get(table)?.docs.get(id) ?? null;
  }

  count(table: string): number {
    return this.tables.get(table)?.docs.size ?? 0;
  }

  tableNames(): string[] {
    return [...this.tables.keys()];
  }

  docs(table: string): IterableIterator<Doc> {
    return (this.tables.get(table)?.docs ?? new Map<string, Doc>()).values();
  }

  /** The sorted index, or null when the table has no rows yet. */
  index(table: string, indexName: string): SortedIndex | null {
    return this.tables.get(table)?.indexes.get(indexName)?.index ?? null;
  }

  /** Applies a committed write set and reports each document's before and after. */
  apply(writes: Iterable<[string, Doc | null]>): DocumentChange[] {
    const changes: DocumentChange[] = [];
    for (const [id, after] of writes) {
      const table = storeTableFromId(id);
      if (table === null) continue;
      const state = this.table(table);
      const before = state.docs.get(id) ?? null;
      if (before !== null) {
        for (const { fields, index } of state.indexes.values())
          index.remove(indexKey(fields, before));
        state.docs.delete(id);
      }
      if (after !== null) {
        state.docs.set(id, after);
        for (const { fields, index } of state.indexes.values())
          index.insert(indexKey(fields, after), id);
        this.noteLoaded(after);
      }
      changes.push({ table, id, before, after });
    }
    return changes;
  }

  /** Loads documents at startup (no change events), then builds indexes in one sort each. */
  load(docs: Iterable<Doc>): void {
    for (const doc of docs) {
      const table = storeTableFromId(doc._id);
      if (table === null) continue;
      this.table(table).docs.set(doc._id, doc);
      this.noteLoaded(doc);
    }
    for (const state of this.tables.values()) this.rebuildIndexes(state);
  }

  private noteLoaded(doc: Doc): void {
    const counter = Number.parseInt(/^[0-9]+/.exec(doc._id)?.[0] ?? "0", 10);
    if (counter >= this.nextDocId) this.nextDocId = counter + 1;
    if (doc._creationTime > this.lastCreationTime) this.lastCreationTime = doc._creationTime;
  }

  private table(name: string): TableState {
    let state = this.tables.get(name);
    if (state === undefined) {
      state = { docs: new Map(), indexes: new Map() };
      const definitions = [BY_CREATION_TIME, BY_ID, ...(this.declared.get(name) ?? [])];
      for (const definition of definitions) {
        const fields = this.indexFields(name, definition.name) ?? definition.fields;
        state.indexes.set(definition.name, { fields, index: new SortedIndex() });
      }
      this.tables.set(name, state);
    }
    return state;
  }

  private rebuildIndexes(state: TableState): void {
    for (const { fields, index } of state.indexes.values()) {
      const entries: [string, string][] = [];
      for (const [id, doc] of state.docs) entries.push([indexKey(fields, doc), id]);
      index.load(entries);
    }
  }
}
