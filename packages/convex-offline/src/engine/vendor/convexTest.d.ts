// Types for the parts of the vendored convex-test engine that @g3/convex-offline uses.
import type { GenericSchema, SchemaDefinition } from "convex/server";
import type { Value } from "convex/values";

export type Doc = Record<string, Value | undefined> & { _id: string; _creationTime: number };
export type FunctionPath = { udfPath: string; componentPath: string };
export type RangeExpression = {
  type: "Eq" | "Gt" | "Gte" | "Lt" | "Lte";
  fieldPath: string;
  value: unknown;
};
export type SearchFilter = { type: "Search" | "Eq"; fieldPath: string; value: unknown };
export type QuerySource =
  | { type: "FullTableScan"; tableName: string; order: "asc" | "desc" | null }
  | {
      type: "IndexRange";
      indexName: string;
      range: RangeExpression[];
      order: "asc" | "desc" | null;
    }
  | { type: "Search"; indexName: string; filters: SearchFilter[] };
export type FilterExpression = Record<string, unknown>;
export type QueryOperator = { filter: FilterExpression } | { limit: number };
export type SerializedQuery = { source: QuerySource; operators: QueryOperator[] };
export type PaginateArgs = {
  query: SerializedQuery;
  cursor: string | null;
  endCursor?: string | null;
  pageSize: number;
  maximumRowsRead?: number;
  maximumBytesRead?: number;
};
export type PaginateResult = {
  page: Doc[];
  isDone: boolean;
  continueCursor: string;
  splitCursor: string | null;
  pageStatus: "SplitRecommended" | "SplitRequired" | null;
};
export type ExportedValidator = { type: string; [key: string]: unknown };
export type ExportedIndex = { indexDescriptor: string; fields: string[] };
export type ExportedTable = {
  documentType: ExportedValidator;
  indexes: ExportedIndex[];
  searchIndexes: unknown[];
  vectorIndexes?: { indexDescriptor: string; vectorField: string }[];
};
export type ScheduledJobDoc = Doc & {
  name: string;
  args: Value[];
  scheduledTime: number;
  state: { kind: string };
};

/** The database interface the engine drives (DatabaseFake's surface). */
export type EngineDatabase = {
  startTransaction(): void;
  get(tableName: string | undefined, id: string): Doc | null;
  insert(table: string, value: Record<string, Value>): string;
  patch(tableName: string | undefined, id: string, value: Record<string, unknown>): void;
  replace(tableName: string | undefined, id: string, value: Record<string, unknown>): void;
  delete(tableName: string | undefined, id: string): void;
  commit(commitTs?: bigint | null): void;
  rollbackWrites(): void;
  stashWrites(): unknown;
  restoreWrites(stashed: unknown): void;
  startQuery(query: SerializedQuery): number;
  queryNext(queryId: number): { value: Doc | null; done: boolean };
  paginate(args: PaginateArgs): PaginateResult;
  vectorSearch(
    tableAndIndexName: string,
    vector: number[],
    expressions: FilterExpression[],
    limit: number,
  ): { _id: string; _score: number }[];
  storeFile(storageId: string, blob: Blob): Promise<void>;
  getFile(storageId: string): Promise<Blob | null>;
  count(table: string): number;
  queryCleanup(queryId: number): void;
  readonly componentPath: string;
};

export type EngineHooks = {
  uploadUrl?: () => string;
  storageUrl?: (storageId: string) => string;
  wrapScheduledRun?: <T>(run: () => Promise<T>) => Promise<T>;
  /** A console for each function invocation (log capture). */
  console?: () => Console;
  /** Called when a function reads `ctx.auth.getUserIdentity()`. */
  observeIdentity?: () => void;
  /** Runs the commits of one transaction's databases (the app's, each component's) as one. */
  commitBatch?: (commitAll: () => void) => void;
  /** Wall-clock limit of one run of a function of this kind, ms (Infinity: none). */
  timeLimitMs?: (udfType: "query" | "mutation" | "action") => number;
};

export type UserIdentityInput = Record<string, unknown> & {
  subject?: string;
  issuer?: string;
  tokenIdentifier?: string;
};

export type EngineAccessor = {
  queryFromPath(path: FunctionPath, args: Record<string, Value>): Promise<Value>;
  mutationFromPath(path: FunctionPath, args: Record<string, Value>): Promise<Value>;
  actionFromPath(path: FunctionPath, args: Record<string, Value>): Promise<Value>;
  run<T>(handler: (ctx: unknown) => Promise<T>): Promise<T>;
  fetch(request: Request): Promise<Response>;
  finishInProgressScheduledFunctions(): Promise<void>;
  withIdentity(identity: UserIdentityInput): EngineAccessor;
};

export type EngineInstance = EngineAccessor & {
  /** Runs fn holding the commit gate: the queries it runs (sequentially) share a snapshot. */
  holdForReads<T>(fn: () => Promise<T>): Promise<T>;
  /** Re-arms a persisted pending job of the app ("") or of a component. */
  armScheduledJob(job: ScheduledJobDoc, componentPath?: string): void;
  /** Serves a component: its tables in their own namespace, its modules by its path. */
  registerComponent(
    componentPath: string,
    schema: unknown,
    modules: Record<string, () => Promise<unknown>>,
  ): void;
  cancelAllTimers(): void;
};

export function convexTest(options: {
  schema?: SchemaDefinition<GenericSchema, boolean>;
  modules: Record<string, () => Promise<unknown>>;
  createDatabase?: (schema: unknown, componentPath: string) => EngineDatabase;
  hooks?: EngineHooks;
}): EngineInstance;

export function evaluateFilter(doc: Doc, filter: FilterExpression): unknown;
export function evaluateFieldPath(fieldPath: string, doc: Doc): Value | undefined;
export function evaluateQueryValue(value: unknown): Value | undefined;
export function evaluateSearchFilter(doc: Doc, filter: SearchFilter): boolean;
export function evaluateValue(value: unknown): Value | undefined;
export function validateIndexRangeExpression(
  source: { range: RangeExpression[] },
  fields: string[],
): void;
export function validateValidator(validator: ExportedValidator, value: unknown): void;
export function validateFieldNames(validator: ExportedValidator): void;
export function isValidIdentifier(name: string): boolean;
export function resolveCommittedValues<T>(value: T, commitTs: bigint): T;
export function resolvePendingValues<T>(value: T): T;
export function tableNameFromId(id: string): string | null;
export function cosineSimilarity(a: number[], b: number[]): number;
/** The top-level transaction the caller runs in (optimistic concurrency), if any. */
export function currentTransaction(): { readonly writeSource?: string } | undefined;
