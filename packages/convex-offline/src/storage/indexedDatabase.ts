// The engine's database, replacing convex-test's full-scan DatabaseFake: committed documents
// live in a DocumentStore with sorted indexes; each (nested) transaction stages writes in a
// layer on top. Reads merge the committed index range with the staged writes, so a withIndex
// range costs O(log n + rows read). A component's database reads and writes only its own
// table namespace (tableNamespace.ts).
import { type Value, convexToJson } from "convex/values";
import { documentSize } from "./documentFacts.js";
import {
  type Doc,
  type EngineDatabase,
  type QuerySource,
  type ExportedTable,
  type FilterExpression,
  type PaginateArgs,
  type PaginateResult,
  type SerializedQuery,
  cosineSimilarity,
  currentTransaction,
  evaluateFilter,
  evaluateValue,
  isValidIdentifier,
  resolveCommittedValues,
  resolvePendingValues,
  tableNameFromId,
  validateFieldNames,
  validateValidator,
} from "../engine/vendor/convexTest.js";
import { type DocumentChange, type DocumentStore, indexKey } from "./documentStore.js";
import { type IndexPlan, planIndexRead } from "./queryPlan.js";
import { componentOfStoreTable, storeTable, storeTableFromId } from "./tableNamespace.js";
import { type OccConflictInfo } from "../engine/occ.js";
import { type RangeRead, ReadSet } from "./readSet.js";
import { type FileStore } from "./fileStore.js";
import { parseTextQuery, rankTextSearch } from "./textSearch.js";
import { checkDocumentLimits } from "./valueLimits.js";

const TYPICAL_CONVEX_ID_LENGTH = 32;
const END_CURSOR = "_end_cursor";

export type SchemaTables = Map<string, ExportedTable>;
export type DatabaseOptions = {
  readonly store: DocumentStore;
  readonly files: FileStore;
  readonly schema: { readonly schemaValidation: boolean; readonly tables: SchemaTables } | null;
  readonly componentPath: string;
  /** The read set of the query run in progress, if it is being tracked. */
  readonly currentReadSet: () => ReadSet | undefined;
  /** Called after each top-level commit with what changed. */
  readonly onCommit: (changes: DocumentChange[], commitTs: bigint | null) => void;
};

type Layer = Map<string, Doc | null>;
type Row = { key: string; doc: Doc };
/**
 * One top-level transaction's view of this database: several run at once (optimistic
 * concurrency), each with its own staged writes, open query streams and read set.
 */
type TransactionState = {
  readonly layers: Layer[];
  readonly streams: Map<number, Generator<Doc>>;
  /** What it read (the subscription's read set for a tracked query); null outside transactions. */
  readonly reads: ReadSet | null;
  /** The commit log position it began at; commits after it are checked against `reads`. */
  readonly startSeq: number;
  readonly writeSource: string | null;
};

export function cursorFromKey(key: string): string {
  return Buffer.from(key, "utf16le").toString("base64url");
}
function keyFromCursor(cursor: string): string {
  return Buffer.from(cursor, "base64url").toString("utf16le");
}

/** Drops fields set to undefined (a patch with `undefined` removes the field). */
function withoutUndefined(doc: Record<string, Value | undefined>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [key, value] of Object.entries(doc)) if (value !== undefined) out[key] = value;
  return out;
}

export class IndexedDatabase implements EngineDatabase {
  private readonly transactions = new WeakMap<object, TransactionState>();
  /** Code running outside any engine transaction reads committed state only. */
  private readonly outside: TransactionState = {
    layers: [],
    streams: new Map(),
    reads: null,
    startSeq: 0,
    writeSource: null,
  };
  private nextQueryId = 1;

  constructor(private readonly options: DatabaseOptions) {
    options.schema?.tables.forEach((table, name) => {
      if (!isValidIdentifier(name)) {
        throw new Error(`Table names must be valid identifiers, got "${name}"`);
      }
      validateFieldNames(table.documentType);
    });
  }

  get componentPath(): string {
    return this.options.componentPath;
  }

  /** The store key of one of this database's tables. */
  private key(table: string): string {
    return storeTable(this.options.componentPath, table);
  }

  /** Whether an ID names a document of this database's namespace (not another component's). */
  private owns(id: string): boolean {
    const key = storeTableFromId(id);
    return key !== null && componentOfStoreTable(key) === this.options.componentPath;
  }

  /** A query source with its table named by the store key. */
  private namespaced(source: QuerySource): QuerySource {
    if (source.type === "FullTableScan")
      return { ...source, tableName: this.key(source.tableName) };
    if (source.type === "IndexRange") {
      const [table = "", indexName = ""] = source.indexName.split(".");
      return { ...source, indexName: `${this.key(table)}.${indexName}` };
    }
    return source;
  }

  private plan(source: QuerySource): IndexPlan {
    return planIndexRead(this.options.store, this.namespaced(source));
  }

  private state(): TransactionState {
    const transaction = currentTransaction();
    return (transaction && this.transactions.get(transaction)) ?? this.outside;
  }

  /** The current transaction's write layers (innermost last). */
  private get layers(): Layer[] {
    return this.state().layers;
  }

  private get streams(): Map<number, Generator<Doc>> {
    return this.state().streams;
  }

  private reads(): ReadSet | undefined {
    return this.state().reads ?? undefined;
  }

  startTransaction(): void {
    const transaction = currentTransaction();
    let state = transaction && this.transactions.get(transaction);
    if (transaction !== undefined && state === undefined) {
      state = {
        layers: [],
        streams: new Map(),
        reads: this.options.currentReadSet() ?? new ReadSet(),
        startSeq: this.options.store.commits.begin(),
        writeSource: transaction.writeSource ?? null,
      };
      this.transactions.set(transaction, state);
    }
    (state ?? this.outside).layers.push(new Map());
  }

  /** Ends the current top-level transaction's state once its last layer is gone. */
  private endTransaction(state: TransactionState): void {
    if (state.layers.length > 0) return;
    state.streams.clear(); // streams never outlive their top-level transaction
    const transaction = currentTransaction();
    if (state === this.outside || transaction === undefined) return;
    this.transactions.delete(transaction);
    this.options.store.commits.end(state.startSeq);
  }

  /**
   * The first document the current transaction read that a commit made since it began changed
   * (its reads are no longer those of one snapshot), or null.
   */
  findConflict(): OccConflictInfo | null {
    const state = this.state();
    if (state.reads === null) return null;
    for (const commit of this.options.store.commits.since(state.startSeq)) {
      const change = state.reads.conflictWith(commit.changes);
      if (change !== null) {
        return { table: change.table, id: change.id, writeSource: commit.writeSource };
      }
    }
    return null;
  }

  private staged(id: string): Doc | null | undefined {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i];
      if (layer?.has(id)) return layer.get(id) ?? null;
    }
    return undefined;
  }

  private readDoc(id: string): Doc | null {
    if (!this.owns(id)) return null;
    const staged = this.staged(id);
    return staged === undefined ? this.options.store.get(id) : staged;
  }

  get(tableName: string | undefined, id: string): Doc | null {
    this.validateId(tableName, id);
    const table = storeTableFromId(id) ?? "";
    this.reads()?.add({ kind: "get", table, id });
    return this.readDoc(id);
  }

  count(name: string): number {
    const table = this.key(name);
    this.reads()?.add({ kind: "table", table });
    let count = this.options.store.count(table);
    for (const [id, doc] of this.stagedInTable(table)) {
      const committed = this.options.store.get(id) !== null;
      if (committed && doc === null) count -= 1;
      if (!committed && doc !== null) count += 1;
    }
    return count;
  }

  /** Staged writes of a table, by its store key. */
  private stagedInTable(table: string): Map<string, Doc | null> {
    const merged = new Map<string, Doc | null>();
    for (const layer of this.layers) {
      for (const [id, doc] of layer) if (storeTableFromId(id) === table) merged.set(id, doc);
    }
    return merged;
  }

  private generateId(name: string): string {
    const table = this.key(name);
    const store = this.options.store;
    const counter = store.nextDocId
      .toString()
      .padStart(TYPICAL_CONVEX_ID_LENGTH - table.length, "0");
    store.nextDocId += 1;
    return counter + table;
  }

  /** Stages a document write after Convex's size and nesting checks. */
  private writeDoc(id: string, doc: Doc): void {
    checkDocumentLimits(doc as Record<string, Value>);
    this.addWrite(id, doc);
  }

  private addWrite(id: string, value: Doc | null): void {
    const layer = this.layers[this.layers.length - 1];
    if (layer === undefined) throw new Error(`Write outside of transaction ${id}`);
    layer.set(id, value);
  }

  insert(table: string, value: Record<string, Value>): string {
    const fields = withoutUndefined(value);
    this.validate(table, fields);
    const store = this.options.store;
    const id = this.generateId(table);
    const now = Date.now();
    const creationTime = now <= store.lastCreationTime ? store.lastCreationTime + 0.001 : now;
    store.lastCreationTime = creationTime;
    this.writeDoc(id, { ...fields, _id: id, _creationTime: creationTime });
    return id;
  }

  private existing(tableName: string | undefined, id: string, verb: string): Doc {
    // A write reads the document it changes (`get` records it), so a concurrent change conflicts.
    const document = this.get(tableName, id);
    if (document === null) throw new Error(`${verb} on non-existent document with ID "${id}"`);
    return document;
  }

  private checkSystemFields(document: Doc, value: Record<string, unknown>): void {
    if (value._id !== undefined && value._id !== document._id) {
      throw new Error(
        `Provided \`_id\` field value "${JSON.stringify(value._id)}" does not match the document ID "${document._id}"`,
      );
    }
    if (value._creationTime !== undefined && value._creationTime !== document._creationTime) {
      throw new Error(
        `Provided \`_creationTime\` field value ${JSON.stringify(value._creationTime)} does not match the document's creation time ${document._creationTime}`,
      );
    }
  }

  private evaluated(value: Record<string, unknown>): Record<string, Value | undefined> {
    const out: Record<string, Value | undefined> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === "_id" || key === "_creationTime") continue;
      out[key] = evaluateValue(v);
    }
    return out;
  }

  patch(tableName: string | undefined, id: string, value: Record<string, unknown>): void {
    if (typeof value !== "object") {
      throw new Error(
        `Invalid argument \`value\` in \`db.patch\`, expected object but got '${typeof value}'`,
      );
    }
    const document = this.existing(tableName, id, "Patch");
    this.checkSystemFields(document, value);
    const { _id, _creationTime, ...fields } = document;
    const merged = withoutUndefined({ ...fields, ...this.evaluated(value) });
    this.validate(tableNameFromId(_id) ?? "", merged);
    this.writeDoc(id, { ...merged, _id, _creationTime });
  }

  replace(tableName: string | undefined, id: string, value: Record<string, unknown>): void {
    if (typeof value !== "object") {
      throw new Error(
        `Invalid argument \`value\` in \`db.replace\`, expected object but got '${typeof value}'`,
      );
    }
    const document = this.existing(tableName, id, "Replace");
    this.checkSystemFields(document, value);
    const fields = withoutUndefined(this.evaluated(value));
    this.validate(tableNameFromId(document._id) ?? "", fields);
    this.writeDoc(id, { ...fields, _id: document._id, _creationTime: document._creationTime });
  }

  delete(tableName: string | undefined, id: string): void {
    if (this.get(tableName, id) === null) throw new Error("Delete on non-existent doc");
    this.addWrite(id, null);
  }

  commit(commitTs: bigint | null = null): void {
    const state = this.state();
    const last = state.layers.pop();
    if (last === undefined) throw new Error("Transaction already committed or rolled back");
    if (state.layers.length > 0) {
      for (const [id, doc] of last) this.addWrite(id, doc);
      return;
    }
    const writes: [string, Doc | null][] = [];
    for (const [id, doc] of last) {
      writes.push([
        id,
        doc === null || commitTs === null ? doc : resolveCommittedValues(doc, commitTs),
      ]);
    }
    const changes = writes.length === 0 ? [] : this.options.store.apply(writes);
    this.options.store.commits.append(changes, state.writeSource);
    this.endTransaction(state);
    this.options.onCommit(changes, commitTs);
  }

  rollbackWrites(): void {
    const state = this.state();
    if (state.layers.pop() === undefined) {
      throw new Error("Transaction already committed or rolled back");
    }
    this.endTransaction(state);
  }

  /** Hides the staged writes (a snapshot query inside a mutation reads committed state). */
  stashWrites(): unknown {
    return this.layers.splice(0);
  }

  restoreWrites(stashed: unknown): void {
    this.layers.splice(0, this.layers.length, ...(stashed as Layer[]));
  }

  private validateId(expectedTableName: string | undefined, id: unknown): void {
    if (typeof id !== "string") {
      throw new Error(
        `Invalid argument \`id\`, expected string but got '${typeof id}': ${String(id)}`,
      );
    }
    if (expectedTableName === undefined) return;
    const actual = tableNameFromId(id);
    if (actual === null)
      throw new Error(`Invalid argument \`id\`, expected ID value but got '${id}'`);
    if (actual !== expectedTableName) {
      throw new Error(
        `Invalid argument \`id\`, expected ID in table '${expectedTableName}' but got ID in table '${actual}'`,
      );
    }
  }

  private validate(table: string, doc: Record<string, Value>): void {
    const schema = this.options.schema;
    if (schema === null || !schema.schemaValidation) return;
    const validator = schema.tables.get(table)?.documentType;
    if (validator === undefined) return;
    try {
      validateValidator(validator, resolvePendingValues(doc));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Schema validation failed for table "${table}": ${message}\nDocument: ${JSON.stringify(convexToJson(doc))}`,
      );
    }
  }

  // ---- reads ----

  /** Rows of an index range in order, merging committed rows with staged writes. */
  private *rows(
    plan: IndexPlan,
    lower: string | null,
    upper: string | null,
    read?: RangeRead,
  ): Generator<Row> {
    const staged = this.stagedInTable(plan.table);
    const pending: Row[] = [];
    for (const doc of staged.values()) {
      if (doc === null) continue;
      const key = indexKey(plan.fields, doc);
      if ((lower === null || key >= lower) && (upper === null || key < upper))
        pending.push({ key, doc });
    }
    const desc = plan.order === "desc";
    pending.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) * (desc ? -1 : 1));
    const index = this.options.store.index(plan.table, plan.indexName);
    const committed =
      index === null ? [][Symbol.iterator]() : index.scan({ lower, upper }, plan.order);
    let next = committed.next();
    let p = 0;
    const before = (a: string, b: string): boolean => (desc ? a > b : a < b);
    for (;;) {
      while (!next.done && staged.has(next.value[1])) next = committed.next();
      const pendingRow = pending[p];
      let row: Row;
      if (next.done && pendingRow === undefined) break;
      if (next.done || (pendingRow !== undefined && before(pendingRow.key, next.value[0]))) {
        if (pendingRow === undefined) break;
        row = pendingRow;
        p += 1;
      } else {
        const doc = this.options.store.get(next.value[1]);
        const key = next.value[0];
        next = committed.next();
        if (doc === null) continue;
        row = { key, doc };
      }
      if (read) read.lastKey = row.key;
      yield row;
    }
    if (read) read.exhausted = true;
  }

  private trackRange(plan: IndexPlan): RangeRead | undefined {
    return this.reads()?.add({
      kind: "range",
      table: plan.table,
      fields: plan.fields,
      lower: plan.lower,
      upper: plan.upper,
      order: plan.order,
      lastKey: null,
      exhausted: false,
    });
  }

  /** Ranked as Convex ranks (textSearch.ts); the read covers the filter values and terms. */
  private searchDocs(query: SerializedQuery): Doc[] {
    const source = query.source;
    if (source.type !== "Search") return [];
    const [name = ""] = source.indexName.split(".");
    const table = this.key(name);
    const textQuery = parseTextQuery(source.filters);
    this.reads()?.add({ kind: "search", table, query: textQuery });
    return rankTextSearch(textQuery, this.allDocs(table));
  }

  private *allDocs(table: string): Generator<Doc> {
    const staged = this.stagedInTable(table);
    for (const doc of this.options.store.docs(table)) if (!staged.has(doc._id)) yield doc;
    for (const doc of staged.values()) if (doc !== null) yield doc;
  }

  private *stream(query: SerializedQuery): Generator<Doc> {
    const filters = query.operators.flatMap((op) => ("filter" in op ? [op.filter] : []));
    const limitOp = query.operators.find((op) => "limit" in op);
    const limit = limitOp && "limit" in limitOp ? limitOp.limit : null;
    const matches = (doc: Doc): boolean => filters.every((f) => Boolean(evaluateFilter(doc, f)));
    let emitted = 0;
    if (limit !== null && limit <= 0) return;
    const source: Iterable<Doc> =
      query.source.type === "Search"
        ? this.searchDocs(query)
        : (function* (rows: Generator<Row>) {
            for (const row of rows) yield row.doc;
          })(this.startRange(query));
    for (const doc of source) {
      if (!matches(doc)) continue;
      yield doc;
      emitted += 1;
      if (limit !== null && emitted >= limit) return;
    }
  }

  private startRange(query: SerializedQuery): Generator<Row> {
    const plan = this.plan(query.source);
    return this.rows(plan, plan.lower, plan.upper, this.trackRange(plan));
  }

  startQuery(query: SerializedQuery): number {
    const id = this.nextQueryId++;
    // Plan eagerly so a bad index fails at the call site, like the real backend.
    if (query.source.type !== "Search") this.plan(query.source);
    const generator = this.stream(query);
    this.streams.set(id, generator);
    return id;
  }

  queryNext(queryId: number): { value: Doc | null; done: boolean } {
    const generator = this.streams.get(queryId);
    if (generator === undefined) throw new Error("Bad queryId");
    const next = generator.next();
    if (next.done) {
      this.streams.delete(queryId);
      return { value: null, done: true };
    }
    return { value: next.value, done: false };
  }

  queryCleanup(queryId: number): void {
    this.streams.get(queryId)?.return(undefined);
    this.streams.delete(queryId);
  }

  paginate(args: PaginateArgs): PaginateResult {
    const tracked = this.reads();
    const endCursor = args.endCursor ?? tracked?.journalEndCursor ?? null;
    const result = this.paginateRange(args, endCursor);
    if (tracked) tracked.capturedCursor = result.continueCursor;
    return result;
  }

  private paginateRange(args: PaginateArgs, endCursor: string | null): PaginateResult {
    const { query, cursor, pageSize, maximumRowsRead, maximumBytesRead } = args;
    if (query.source.type === "Search") return this.paginateSearch(args);
    if (cursor === END_CURSOR) {
      return {
        page: [],
        isDone: true,
        continueCursor: END_CURSOR,
        splitCursor: null,
        pageStatus: null,
      };
    }
    const plan = this.plan(query.source);
    const desc = plan.order === "desc";
    let { lower, upper } = plan;
    const maxKey = (a: string | null, b: string): string => (a === null || b > a ? b : a);
    const minKey = (a: string | null, b: string): string => (a === null || b < a ? b : a);
    if (cursor !== null) {
      const key = keyFromCursor(cursor);
      if (desc) upper = minKey(upper, key);
      else lower = maxKey(lower, key + "\u0000");
    }
    const bounded = endCursor !== null && endCursor !== END_CURSOR;
    if (bounded) {
      const key = keyFromCursor(endCursor);
      if (desc) lower = maxKey(lower, key);
      else upper = minKey(upper, key + "\u0000");
    }
    const read = this.reads()?.add({
      kind: "range",
      table: plan.table,
      fields: plan.fields,
      lower,
      upper,
      order: plan.order,
      lastKey: null,
      exhausted: false,
    });
    const filters = query.operators.flatMap((op) => ("filter" in op ? [op.filter] : []));
    const matches = (doc: Doc): boolean =>
      filters.every((f: FilterExpression) => Boolean(evaluateFilter(doc, f)));
    const rows = this.rows(plan, lower, upper, read);
    const page: Doc[] = [];
    const scannedKeys: string[] = [];
    let rowsRead = 0;
    let bytesRead = 0;
    let stoppedAt: string | null = null;
    let pageStatus: PaginateResult["pageStatus"] = null;
    // A manual loop: for-of would close the generator on break, and we peek after it.
    for (let next = rows.next(); next.done !== true; next = rows.next()) {
      const row = next.value;
      rowsRead += 1;
      bytesRead += documentSize(row.doc as Record<string, Value>);
      scannedKeys.push(row.key);
      if (matches(row.doc)) page.push(row.doc);
      const hitLimit =
        (maximumRowsRead !== undefined &&
          maximumRowsRead !== null &&
          rowsRead >= maximumRowsRead) ||
        (maximumBytesRead !== undefined &&
          maximumBytesRead !== null &&
          bytesRead >= maximumBytesRead);
      if (hitLimit) {
        pageStatus = "SplitRequired";
        stoppedAt = row.key;
        break;
      }
      if (endCursor === null && page.length >= pageSize) {
        stoppedAt = row.key;
        break;
      }
    }
    if (stoppedAt !== null && pageStatus === null && rows.next().done === true) {
      // A full page that ends exactly at the end of the range is the last page.
      stoppedAt = null;
    }
    let continueCursor: string;
    let isDone: boolean;
    if (stoppedAt !== null) {
      continueCursor = cursorFromKey(stoppedAt);
      isDone = false;
    } else if (bounded) {
      continueCursor = endCursor;
      isDone = false;
    } else {
      continueCursor = END_CURSOR;
      isDone = true;
    }
    const middle = scannedKeys[Math.floor((scannedKeys.length - 1) / 2)];
    const splitCursor =
      pageStatus === "SplitRequired" && scannedKeys.length >= 2 && middle !== undefined
        ? cursorFromKey(middle)
        : null;
    return { page, isDone, continueCursor, splitCursor, pageStatus };
  }

  /** Search results have no index order; they page by position in one snapshot. */
  private paginateSearch(args: PaginateArgs): PaginateResult {
    const all = [...this.stream(args.query)];
    const start = args.cursor === null ? 0 : Number.parseInt(args.cursor, 10) || 0;
    const page = all.slice(start, start + args.pageSize);
    const end = start + page.length;
    const isDone = end >= all.length;
    return {
      page,
      isDone,
      continueCursor: isDone ? END_CURSOR : String(end),
      splitCursor: null,
      pageStatus: null,
    };
  }

  vectorSearch(
    tableAndIndexName: string,
    vector: number[],
    expressions: FilterExpression[],
    limit: number,
  ): { _id: string; _score: number }[] {
    const [table = "", indexName = ""] = tableAndIndexName.split(".");
    const vectorIndex = this.options.schema?.tables
      .get(table)
      ?.vectorIndexes?.find(({ indexDescriptor }) => indexDescriptor === indexName);
    if (vectorIndex === undefined) {
      throw new Error(
        `Cannot use vector index "${indexName}" for table "${table}" because it is not declared in the schema.`,
      );
    }
    this.reads()?.add({ kind: "table", table: this.key(table) });
    const scored: { _id: string; _score: number }[] = [];
    for (const doc of this.allDocs(this.key(table))) {
      if (!expressions.every((filter) => Boolean(evaluateFilter(doc, filter)))) continue;
      const field = doc[vectorIndex.vectorField];
      if (!Array.isArray(field)) continue;
      scored.push({ _id: doc._id, _score: cosineSimilarity(vector, field as number[]) });
    }
    scored.sort((a, b) => b._score - a._score);
    return scored.slice(0, limit);
  }

  async storeFile(storageId: string, blob: Blob): Promise<void> {
    await this.options.files.write(storageId, new Uint8Array(await blob.arrayBuffer()));
  }

  async getFile(storageId: string): Promise<Blob | null> {
    const doc = this.readDoc(storageId);
    if (doc === null) return null;
    const bytes = await this.options.files.read(storageId);
    if (bytes === null) return null;
    const type = typeof doc.contentType === "string" ? doc.contentType : "";
    return new Blob([bytes.slice()], { type });
  }
}
