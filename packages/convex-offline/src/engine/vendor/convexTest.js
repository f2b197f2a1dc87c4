/* eslint-disable */
// Vendored from convex-test 0.0.60 (https://github.com/get-convex/convex-test),
// Copyright Convex, Inc., licensed under the Apache License 2.0 (see ./LICENSE).
// Modified for @g3/convex-offline; every change is marked "convex-offline:".
//  - the database is pluggable (`createDatabase` option) so an indexed store replaces
//    the full-scan DatabaseFake;
//  - storage syscalls delegate to `hooks` (URLs on our port, blobs on disk, and the
//    1.48 syscalls storageStore/storageGet/storageGetMetadata);
//  - scheduled-function timers are tracked, clamped to setTimeout's range, can be
//    re-armed after a restart (`armScheduledJob`) and cancelled on shutdown;
//  - `fetch` accepts a full Request so HTTP actions see the real URL and headers;
//  - `1.0/count` uses the store's counter;
//  - reading the identity is reported through `hooks.observeIdentity`;
//  - calls are held to Convex's argument and return value sizes and to a time limit, and the
//    backend's own errors about a call are marked as such (../systemErrors.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import {
  actionGeneric,
  getFunctionAddress,
  httpActionGeneric,
  makeFunctionReference,
  mutationGeneric,
  queryGeneric,
} from "convex/server";
import {
  CommitTsPlaceholder,
  compareValues,
  convexToJson,
  getConvexSize,
  getDocumentSize,
  jsonToConvex,
} from "convex/values";
import { TransactionMetricsTracker } from "./transactionMetrics.js";
// convex-offline: validation messages as Convex words them.
import { validationError } from "../validation.js";
// convex-offline: per-document size and JSON, computed once per stored version.
import { documentJson, documentSize } from "../../storage/documentFacts.js";
// convex-offline: optimistic concurrency control (retries, backoff, Convex's failure text).
import { OCC_MAX_RETRIES, QUERY_OPTIMISTIC_RUNS, occBackoffMs, occFailureMessage } from "../occ.js";
// convex-offline: Convex's transaction limits, worded as Convex words them.
import { ConvexLimitsTracker } from "../limits.js";
// convex-offline: Convex's argument and return value size limits, and errors the backend raises
// around a call (reported without "Uncaught", see ../errorReport.ts).
import { checkArgsSize, checkResultSize } from "../callLimits.js";
import { systemError } from "../systemErrors.js";
// convex-offline: a wall-clock limit on a function's execution (../timeLimits.ts).
import { timeLimitError } from "../timeLimits.js";
// Real Convex IDs are 32 characters. IDs may exceed this length for very long
// table names or large numbers of documents, but this is the typical target.
const TYPICAL_CONVEX_ID_LENGTH = 32;
const ROOT_COMPONENT_PATH = "";
class NestedLock {
  _lock = null;
  _release = null;
  async acquire() {
    while (this._lock !== null) {
      await this._lock;
    }
    this._lock = new Promise((resolve) => {
      this._release = resolve;
    });
  }
  release() {
    this._lock = null;
    this._release();
    this._release = null;
  }
}
const nestedTxStorage = new AsyncLocalStorage();
const authStorage = new AsyncLocalStorage();
const convexGlobalStorage = new AsyncLocalStorage();
class DatabaseFake {
  _componentPath;
  _documents = {};
  _storage = {};
  _nextQueryId = 1;
  _nextDocId = 10000;
  _lastCreationTime = 0;
  _queryResults = {};
  // Pending writes for each level of transaction nesting.
  // Whenever a child mutation begins, a new level is created for all
  // components.
  // - When a mutation performs updates, they are staged in the last
  //   level of writes for the mutation's component.
  // - When a child mutation commits, the writes are merged up one level.
  // - When the top-level mutation commits, the writes are applied to the
  //   database.
  // - When a mutation is rolled back, last level of writes is discarded.
  _writes = [];
  _schema;
  constructor(schema, componentPath) {
    this._schema =
      schema === null
        ? null
        : {
            schemaValidation: schema.schemaValidation,
            tables: new Map(
              Object.entries(schema.tables).map(([name, tableSchema]) => [
                name,
                tableSchema.export(),
              ]),
            ),
          };
    this._componentPath = componentPath;
    this.validateSchema();
  }
  // Called by TransactionManager.begin.
  startTransaction() {
    this._writes.push({});
  }
  get(tableName, id) {
    this._validateId(tableName, id);
    for (let i = this._writes.length - 1; i >= 0; i--) {
      const write = this._writes[i][id];
      if (write !== undefined) {
        return write;
      }
    }
    return this._documents[id] ?? null;
  }
  // Note that this is not the format the real backend
  // uses for IDs.
  _generateId(table) {
    const counterPadLen = TYPICAL_CONVEX_ID_LENGTH - table.length;
    const counter = this._nextDocId.toString().padStart(counterPadLen, "0");
    const id = counter + table;
    this._nextDocId += 1;
    return id;
  }
  storeFile(storageId, blob) {
    this._storage[storageId] = blob;
  }
  getFile(storageId) {
    if (this.get("_storage", storageId) === null) {
      return null;
    }
    return this._storage[storageId];
  }
  _addWrite(id, newValue) {
    if (this._writes.length === 0) {
      throw new Error(`Write outside of transaction ${id}`);
    }
    this._writes[this._writes.length - 1][id] = newValue;
  }
  insert(table, value) {
    this._validate(table, value);
    const _id = this._generateId(table);
    const now = Date.now();
    const _creationTime = now <= this._lastCreationTime ? this._lastCreationTime + 0.001 : now;
    this._lastCreationTime = _creationTime;
    this._addWrite(_id, { ...value, _id, _creationTime });
    return _id;
  }
  patch(tableName, id, value) {
    this._validateId(tableName, id);
    if (typeof value !== "object") {
      throw new Error(
        `Invalid argument \`value\` in \`db.patch\`, expected object but got '${typeof value}': ${value}`,
      );
    }
    const document = this.get(tableName, id);
    if (document === null) {
      throw new Error(`Patch on non-existent document with ID "${id}"`);
    }
    const { _id, _creationTime, ...fields } = document;
    if (value._id !== undefined && value._id !== _id) {
      throw new Error(
        `Provided \`_id\` field value "${value._id}" ` + `does not match the document ID "${_id}"`,
      );
    }
    if (value._creationTime !== undefined && value._creationTime !== _creationTime) {
      throw new Error(
        `Provided \`_creationTime\` field value ${value._creationTime} ` +
          `does not match the document's creation time ${_creationTime}`,
      );
    }
    delete value["_id"];
    delete value["_creationTime"];
    const convexValue = {};
    for (const [key, v] of Object.entries(value)) {
      convexValue[key] = evaluateValue(v);
    }
    const merged = { ...fields, ...convexValue };
    this._validate(tableNameFromId(_id), merged);
    this._addWrite(id, { _id, _creationTime, ...merged });
  }
  replace(tableName, id, value) {
    this._validateId(tableName, id);
    if (typeof value !== "object") {
      throw new Error(
        `Invalid argument \`value\` in \`db.replace\`, expected object but got '${typeof value}': ${value}`,
      );
    }
    const document = this.get(tableName, id);
    if (document === null) {
      throw new Error(`Replace on non-existent document with ID "${id}"`);
    }
    if (value._id !== undefined && value._id !== document._id) {
      throw new Error(
        `Provided \`_id\` field value "${value._id}" ` +
          `does not match the document ID "${document._id}"`,
      );
    }
    if (value._creationTime !== undefined && value._creationTime !== document._creationTime) {
      throw new Error(
        `Provided \`_creationTime\` field value ${value._creationTime} ` +
          `does not match the document's creation time ${document._creationTime}`,
      );
    }
    delete value["_id"];
    delete value["_creationTime"];
    const convexValue = {};
    for (const [key, v] of Object.entries(value)) {
      convexValue[key] = evaluateValue(v);
    }
    this._validate(tableNameFromId(document._id), convexValue);
    this._addWrite(id, {
      ...convexValue,
      _id: document._id,
      _creationTime: document._creationTime,
    });
  }
  delete(tableName, id) {
    this._validateId(tableName, id);
    const document = this.get(tableName, id);
    if (document === null) {
      throw new Error("Delete on non-existent doc");
    }
    this._addWrite(id, null);
  }
  _validateId(expectedTableName, id) {
    if (typeof id !== "string") {
      throw new Error(`Invalid argument \`id\`, expected string but got '${typeof id}': ${id}`);
    }
    if (expectedTableName === undefined) {
      return;
    }
    if (typeof expectedTableName !== "string") {
      throw new Error(
        `Invalid argument \`tableName\`, expected string but got '${typeof expectedTableName}': ${expectedTableName}`,
      );
    }
    const actualTableName = tableNameFromId(id);
    if (actualTableName === null) {
      throw new Error(`Invalid argument \`id\`, expected ID value but got '${id}'`);
    }
    if (actualTableName !== expectedTableName) {
      throw new Error(
        `Invalid argument \`id\`, expected ID in table '${expectedTableName}' but got ID in table '${actualTableName}'`,
      );
    }
  }
  commit(commitTs = null) {
    const lastWrites = this._writes.pop();
    if (!lastWrites) {
      throw new Error("Transaction already committed or rolled back");
    }
    for (const [id, write] of Object.entries(lastWrites)) {
      const _id = id;
      if (this._writes.length === 0) {
        if (write === null) {
          delete this._documents[_id];
        } else {
          this._documents[_id] =
            commitTs === null ? write : resolveCommittedValues(write, commitTs);
        }
      } else {
        this._addWrite(_id, write);
      }
    }
  }
  rollbackWrites() {
    if (this._writes.length === 0) {
      throw new Error("Transaction already committed or rolled back");
    }
    this._writes.pop();
  }
  // Temporarily hide all pending writes so reads only see committed state.
  stashWrites() {
    const stashed = this._writes;
    this._writes = [];
    return stashed;
  }
  restoreWrites(stashed) {
    this._writes = stashed;
  }
  _validate(tableName, doc) {
    if (this._schema === null || !this._schema.schemaValidation) {
      return;
    }
    const validator = this._schema.tables.get(tableName)?.documentType;
    if (validator === undefined) {
      return;
    }
    // Validate the pre-commit view, like the backend does, so an unresolved
    // commit timestamp is checked as the int64 it will become.
    validateValidator(validator, resolvePendingValues(doc));
  }
  startQuery(query) {
    const id = this._nextQueryId;
    const results = this._evaluateQuery(query);
    this._queryResults[id] = results;
    this._nextQueryId += 1;
    return id;
  }
  queryNext(queryId) {
    const results = this._queryResults[queryId];
    if (results === undefined) {
      throw new Error("Bad queryId");
    }
    if (results.length === 0) {
      return { value: null, done: true };
    } else {
      return { value: results.shift(), done: false };
    }
  }
  _encodeCursor(doc, fieldPaths) {
    const keys = fieldPaths.map((fp) => evaluateFieldPath(fp, doc));
    // null sentinel in the array = undefined field value.
    // Everything else is JSON.stringify(convexToJson(k)) producing a string,
    // so null vs string is unambiguous on decode.
    return JSON.stringify(
      keys.map((k) => (k === undefined ? null : JSON.stringify(convexToJson(k)))),
    );
  }
  _docIsAfterCursor(doc, cursorKeys, fieldPaths, order) {
    const orderMultiplier = order === "asc" ? 1 : -1;
    for (let i = 0; i < fieldPaths.length; i++) {
      const docVal = evaluateFieldPath(fieldPaths[i], doc);
      const cursorVal = cursorKeys[i];
      const cmp = compareValues(docVal, cursorVal);
      if (cmp !== 0) return cmp * orderMultiplier;
    }
    return 0;
  }
  paginate({ query, cursor, endCursor, pageSize, maximumRowsRead, maximumBytesRead }) {
    const { sortedDocs, filterFn, fieldPathsToSortBy, order } = this._resolveQuerySource(query);
    // Always include _id in sort key fields for uniqueness
    const cursorFields = fieldPathsToSortBy.includes("_id")
      ? fieldPathsToSortBy
      : [...fieldPathsToSortBy, "_id"];
    const parseCursor = (c) => {
      if (!c) return null;
      // null = undefined field; strings are JSON.stringify(convexToJson(v))
      return JSON.parse(c).map((k) => (k === null ? undefined : jsonToConvex(JSON.parse(k))));
    };
    const cursorKeys = cursor !== "_end_cursor" ? parseCursor(cursor) : null;
    // _end_cursor as endCursor means "to the end of the range" — no boundary
    const hasEndBoundary = !!endCursor && endCursor !== "_end_cursor";
    const endCursorKeys = hasEndBoundary ? parseCursor(endCursor) : null;
    const page = [];
    // null cursor = start of range
    let isInPage = cursor === null;
    let isDone = false;
    let continueCursor = "_end_cursor";
    let splitCursor = null;
    let pageStatus = null;
    let rowsRead = 0;
    let bytesRead = 0;
    const readDocCursors = [];
    for (let i = 0; i < sortedDocs.length; i++) {
      const doc = sortedDocs[i];
      const isLastDoc = i === sortedDocs.length - 1;
      if (!isInPage) {
        if (cursor === "_end_cursor") {
          // Past the end — no doc is after the end cursor
          continue;
        } else if (cursorKeys) {
          // Sort-key-based cursor: skip docs at or before cursor position
          if (this._docIsAfterCursor(doc, cursorKeys, cursorFields, order) > 0) {
            isInPage = true;
          } else {
            continue;
          }
        }
      }
      // endCursor: stop when we reach or pass this position (inclusive boundary)
      if (hasEndBoundary && endCursorKeys) {
        const cmp = this._docIsAfterCursor(doc, endCursorKeys, cursorFields, order);
        if (cmp >= 0) {
          // At or past end cursor — include this doc if exactly at cursor, then stop
          if (cmp === 0) {
            rowsRead += 1;
            bytesRead += getDocumentSize(doc);
            readDocCursors.push(this._encodeCursor(doc, cursorFields));
            if (filterFn(doc)) {
              page.push(doc);
            }
            continueCursor = this._encodeCursor(doc, cursorFields);
          }
          break;
        }
      }
      rowsRead += 1;
      bytesRead += getDocumentSize(doc);
      readDocCursors.push(this._encodeCursor(doc, cursorFields));
      // Check bandwidth limits
      let hitLimit = false;
      if (maximumRowsRead && rowsRead >= maximumRowsRead) {
        hitLimit = true;
      }
      if (maximumBytesRead && bytesRead >= maximumBytesRead) {
        hitLimit = true;
      }
      if (filterFn(doc)) {
        page.push(doc);
      }
      if (hitLimit) {
        pageStatus = "SplitRequired";
        continueCursor = this._encodeCursor(doc, cursorFields);
        break;
      }
      if (!endCursor && page.length >= pageSize) {
        if (isLastDoc) {
          // No more docs — don't set continueCursor so isDone becomes true
        } else {
          continueCursor = this._encodeCursor(doc, cursorFields);
        }
        break;
      }
    }
    if (continueCursor === "_end_cursor") {
      isDone = true;
    }
    // Compute splitCursor at midpoint when limits are hit
    if (pageStatus === "SplitRequired" && readDocCursors.length >= 2) {
      const midIdx = Math.floor((readDocCursors.length - 1) / 2);
      splitCursor = readDocCursors[midIdx];
    } else if (pageStatus === null && rowsRead > pageSize + 1 && readDocCursors.length >= 2) {
      // Recommend split when we had to scan significantly more rows than pageSize
      pageStatus = "SplitRecommended";
      const midIdx = Math.floor((readDocCursors.length - 1) / 2);
      splitCursor = readDocCursors[midIdx];
    }
    return {
      page,
      isDone,
      continueCursor,
      splitCursor,
      pageStatus,
    };
  }
  _iterateDocs(tableName, callback) {
    const isInTable = (id) => tableNameFromId(id) === tableName;
    const ids = new Set(Object.keys(this._documents).filter(isInTable));
    for (let i = 0; i < this._writes.length; i++) {
      for (const id of Object.keys(this._writes[i]).filter(isInTable)) {
        ids.add(id);
      }
    }
    for (const id of ids) {
      const document = this.get(tableName, id);
      if (document !== null) {
        callback(document);
      }
    }
  }
  /**
   * Resolves the query source: loads documents matching the source (table scan,
   * index range, or search), sorts them, and returns along with the compiled
   * operator filter function. This separates "rows entering the pipeline"
   * (sortedDocs) from "rows exiting" (after filterFn), which is needed for
   * maximumRowsRead tracking in paginate().
   */
  _resolveQuerySource(query) {
    const source = query.source;
    const results = [];
    let fieldPathsToSortBy;
    let order;
    switch (source.type) {
      case "FullTableScan": {
        const tableName = source.tableName;
        this._iterateDocs(tableName, (doc) => {
          results.push(doc);
        });
        order = source.order ?? "asc";
        fieldPathsToSortBy = ["_creationTime"];
        break;
      }
      case "IndexRange": {
        const [tableName, indexName] = source.indexName.split(".");
        order = source.order ?? "asc";
        let fields;
        if (indexName === "by_creation_time") {
          fields = ["_creationTime", "_id"];
        } else if (indexName === "by_id") {
          fields = ["_id"];
        } else {
          const indexes = this._schema?.tables.get(tableName)?.indexes;
          const index = indexes?.find(({ indexDescriptor }) => indexDescriptor === indexName);
          if (index === undefined) {
            throw new Error(
              `Cannot use index "${indexName}" for table "${tableName}" because ` +
                `it is not declared in the schema.`,
            );
          }
          fields = index.fields.concat(["_creationTime", "_id"]);
        }
        fieldPathsToSortBy = fields;
        validateIndexRangeExpression(source, fields);
        this._iterateDocs(tableName, (doc) => {
          if (source.range.every((filter) => evaluateRangeFilter(doc, filter))) {
            results.push(doc);
          }
        });
        break;
      }
      case "Search": {
        const [tableName] = source.indexName.split(".");
        this._iterateDocs(tableName, (doc) => {
          if (source.filters.every((filter) => evaluateSearchFilter(doc, filter))) {
            results.push(doc);
          }
        });
        fieldPathsToSortBy = [];
        order = "asc";
        break;
      }
    }
    const filters = query.operators
      .filter((operator) => "filter" in operator)
      .map((operator) => operator.filter);
    const limit = query.operators.filter((operator) => "limit" in operator)[0] ?? null;
    results.sort((a, b) => {
      const orderMultiplier = order === "asc" ? 1 : -1;
      let v = 0;
      for (const fp of fieldPathsToSortBy) {
        v = compareValues(evaluateFieldPath(fp, a), evaluateFieldPath(fp, b));
        if (v !== 0) {
          return v * orderMultiplier;
        }
      }
      return v * orderMultiplier;
    });
    const filterFn = (doc) => filters.every((f) => evaluateFilter(doc, f));
    return {
      sortedDocs: results,
      filterFn,
      limit: limit?.limit ?? null,
      fieldPathsToSortBy,
      order,
    };
  }
  _evaluateQuery(query) {
    const { sortedDocs, filterFn, limit } = this._resolveQuerySource(query);
    let results = sortedDocs.filter(filterFn);
    if (limit !== null) {
      results = results.slice(0, limit);
    }
    return results;
  }
  vectorSearch(tableAndIndexName, vector, expressions, limit) {
    const results = [];
    const [tableName, indexName] = tableAndIndexName.split(".");
    this._iterateDocs(tableName, (doc) => {
      if (expressions.every((filter) => evaluateFilter(doc, filter))) {
        results.push(doc);
      }
    });
    const vectorIndexes = this._schema?.tables.get(tableName)?.vectorIndexes;
    const vectorIndex = vectorIndexes?.find(({ indexDescriptor }) => indexDescriptor === indexName);
    if (vectorIndex === undefined) {
      throw new Error(
        `Cannot use vector index "${indexName}" for table "${tableName}" because ` +
          `it is not declared in the schema.`,
      );
    }
    const { vectorField } = vectorIndex;
    const idsAndScores = results.map((doc) => {
      const score = cosineSimilarity(vector, doc[vectorField]);
      return { _id: doc._id, _score: score };
    });
    idsAndScores.sort((a, b) => b._score - a._score);
    return idsAndScores.slice(0, limit);
  }
  validateSchema() {
    this._schema?.tables.forEach((table, tableName) => {
      if (!isValidIdentifier(tableName)) {
        throw new Error(`Table names must be valid identifiers, got "${tableName}"`);
      }
      validateFieldNames(table.documentType);
      table.indexes.forEach(({ indexDescriptor }) => {
        if (!isValidIdentifier(indexDescriptor)) {
          throw new Error(`Index names must be valid identifiers, got "${indexDescriptor}"`);
        }
      });
    });
  }
  get componentPath() {
    return this._componentPath;
  }
}
function tableNameFromId(id) {
  const match = id.match(/^[0-9]+/);
  if (!match || match[0].length === id.length) {
    return null;
  }
  // convex-offline: a component's IDs end in "<component path>~<table>" (its own table
  // namespace in the shared store); the table name is the part after the last "~".
  const table = id.slice(match[0].length);
  return table.slice(table.lastIndexOf("~") + 1);
}
// Reverses `serializeConvexErrorData` from `convex/server/impl/registration_impl`,
// which `invokeFunction` applies to every ConvexError thrown from a Convex
// function. In production the HTTP client deserializes `.data` via
// `forwardErrorData` before callers see it, so an action catching a
// `ConvexError` from `ctx.runMutation` receives the original object, not a
// JSON string. Apply the same restoration whenever we catch an error from
// `invokeMutation` / `invokeQuery` / `invokeAction`.
function deserializeConvexErrorData(thrown) {
  if (
    typeof thrown === "object" &&
    thrown !== null &&
    Symbol.for("ConvexError") in thrown &&
    typeof thrown.data === "string"
  ) {
    try {
      thrown.data = jsonToConvex(JSON.parse(thrown.data));
    } catch {
      // Data wasn't a serialized JSON string — leave it untouched.
    }
  }
  return thrown;
}
function isSimpleObject(value) {
  const isObject = typeof value === "object";
  const prototype = Object.getPrototypeOf(value);
  const isSimple =
    prototype === null ||
    prototype === Object.prototype ||
    // Objects generated from other contexts (e.g. across Node.js `vm` modules) will not satisfy the previous
    // conditions but are still simple objects.
    prototype?.constructor?.name === "Object";
  return isObject && isSimple;
}
// Commit timestamp placeholders are resolved to `i64::MAX` before commit.
const MAX_COMMIT_TS = 2n ** 63n - 1n;
function hasPendingValues(value) {
  if (value instanceof CommitTsPlaceholder) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(hasPendingValues);
  }
  if (value !== null && value !== undefined && isSimpleObject(value)) {
    return Object.values(value).some(hasPendingValues);
  }
  return false;
}
// The value as the transaction sees it before committing.
function resolvePendingValues(value) {
  return substituteCommitTs(value, MAX_COMMIT_TS);
}
// The value as it is committed.
function resolveCommittedValues(value, commitTs) {
  return substituteCommitTs(value, commitTs);
}
function substituteCommitTs(value, commitTs) {
  if (!hasPendingValues(value)) {
    return value;
  }
  if (value instanceof CommitTsPlaceholder) {
    return commitTs;
  }
  if (Array.isArray(value)) {
    return value.map((v) => substituteCommitTs(v, commitTs));
  }
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, substituteCommitTs(v, commitTs)]),
  );
}
function evaluateFieldPath(fieldPath, document) {
  const pathParts = fieldPath.split(".");
  let result = document;
  for (const p of pathParts) {
    result =
      result !== undefined && result !== null && isSimpleObject(result) ? result[p] : undefined;
  }
  return result === undefined ? undefined : resolvePendingValues(result);
}
function evaluateFilter(document, filter) {
  if (filter.$eq !== undefined) {
    return (
      compareValues(
        evaluateFilter(document, filter.$eq[0]),
        evaluateFilter(document, filter.$eq[1]),
      ) === 0
    );
  }
  if (filter.$neq !== undefined) {
    return (
      compareValues(
        evaluateFilter(document, filter.$neq[0]),
        evaluateFilter(document, filter.$neq[1]),
      ) !== 0
    );
  }
  if (filter.$and !== undefined) {
    return filter.$and.every((child) => evaluateFilter(document, child));
  }
  if (filter.$or !== undefined) {
    return filter.$or.some((child) => evaluateFilter(document, child));
  }
  if (filter.$not !== undefined) {
    return !evaluateFilter(document, filter.$not);
  }
  if (filter.$gt !== undefined) {
    return evaluateFilter(document, filter.$gt[0]) > evaluateFilter(document, filter.$gt[1]);
  }
  if (filter.$gte !== undefined) {
    return evaluateFilter(document, filter.$gte[0]) >= evaluateFilter(document, filter.$gte[1]);
  }
  if (filter.$lt !== undefined) {
    return evaluateFilter(document, filter.$lt[0]) < evaluateFilter(document, filter.$lt[1]);
  }
  if (filter.$lte !== undefined) {
    return evaluateFilter(document, filter.$lte[0]) <= evaluateFilter(document, filter.$lte[1]);
  }
  if (filter.$add !== undefined) {
    return evaluateFilter(document, filter.$add[0]) + evaluateFilter(document, filter.$add[1]);
  }
  if (filter.$sub !== undefined) {
    return evaluateFilter(document, filter.$sub[0]) - evaluateFilter(document, filter.$sub[1]);
  }
  if (filter.$mul !== undefined) {
    return evaluateFilter(document, filter.$mul[0]) * evaluateFilter(document, filter.$mul[1]);
  }
  if (filter.$div !== undefined) {
    return evaluateFilter(document, filter.$div[0]) / evaluateFilter(document, filter.$div[1]);
  }
  if (filter.$mod !== undefined) {
    return evaluateFilter(document, filter.$mod[0]) % evaluateFilter(document, filter.$mod[1]);
  }
  if (filter.$field !== undefined) {
    return evaluateFieldPath(filter.$field, document);
  }
  if (filter.$literal !== undefined) {
    return evaluateQueryValue(filter.$literal);
  }
  throw new Error(`not implemented: ${JSON.stringify(filter)}`);
}
function evaluateRangeFilter(document, expr) {
  const result = evaluateFieldPath(expr.fieldPath, document);
  const value = evaluateQueryValue(expr.value);
  switch (expr.type) {
    case "Eq":
      return compareValues(result, value) === 0;
    case "Gt":
      return compareValues(result, value) > 0;
    case "Gte":
      return compareValues(result, value) >= 0;
    case "Lt":
      return compareValues(result, value) < 0;
    case "Lte":
      return compareValues(result, value) <= 0;
  }
}
// A value used as a written field.
function evaluateValue(value) {
  if (typeof value === "object" && value !== null && "$undefined" in value) {
    return undefined;
  }
  return jsonToConvex(value);
}
// A value used as a query bound or literal.
function evaluateQueryValue(value) {
  const evaluatedValue = evaluateValue(value);
  return evaluatedValue === undefined ? undefined : resolvePendingValues(evaluatedValue);
}
function evaluateSearchFilter(document, filter) {
  const result = evaluateFieldPath(filter.fieldPath, document);
  switch (filter.type) {
    case "Eq":
      return compareValues(result, evaluateQueryValue(filter.value)) === 0;
    case "Search": {
      const queryTerms = filter.value
        .toLowerCase()
        .split(/\s+/)
        .filter((term) => term.length > 0);
      const documentWords = result.split(/\s+/).map((word) => word.toLowerCase());
      return queryTerms.some((queryTerm) =>
        documentWords.some((word) => word.startsWith(queryTerm)),
      );
    }
  }
}
function cosineSimilarity(vecA, vecB) {
  let dotProduct = 0.0;
  let normA = 0.0;
  let normB = 0.0;
  for (let i = 0; i < vecA.length; i++) {
    dotProduct += vecA[i] * vecB[i];
    normA += vecA[i] * vecA[i];
    normB += vecB[i] * vecB[i];
  }
  if (normA === 0 || normB === 0) {
    return 0;
  } else {
    return dotProduct / (Math.sqrt(normA) * Math.sqrt(normB));
  }
}
// An index range expression is always a chained list of:
//
// 0 or more equality expressions defined with .eq.
// [Optionally] A lower bound expression defined with .gt or .gte.
// [Optionally] An upper bound expression defined with .lt or .lte.
function validateIndexRangeExpression(source, fields) {
  let fieldIndex = 0;
  let state = "eq";
  for (const [filterIndex, filter] of source.range.entries()) {
    if (state === "done") {
      throw new Error(
        `Incorrect operator used in \`withIndex\`, cannot chain ` +
          `more operators after both \`.gt\` and \`.lt\` were already used, ` +
          `got \`${printIndexOperator(filter)}\`.`,
      );
    }
    const filterType =
      filter.type == "Gt" || filter.type == "Gte"
        ? "gt"
        : filter.type == "Lt" || filter.type == "Lte"
          ? "lt"
          : "eq";
    switch (`${state}|${filterType}`) {
      // Allow to operate on the current indexed field
      case "eq|eq":
      case "eq|gt":
      case "eq|lt":
        if (filter.fieldPath === fields[fieldIndex]) {
          fieldIndex += 1;
          state = filterType;
          continue;
        }
        throw new Error(
          `Incorrect field used in \`withIndex\`, ` +
            `expected "${fields[fieldIndex]}", got "${filter.fieldPath}"`,
        );
      // Allow to operate on the previous field (gt and lt must operate on same field)
      case "lt|gt":
      case "gt|lt":
        if (fieldIndex > 0 && filter.fieldPath === fields[fieldIndex - 1]) {
          state = "done";
          continue;
        }
        throw new Error(
          `Incorrect field used in \`withIndex\`, ` +
            `\`.gt\` and \`.lt\` must operate on the same field, ` +
            `expected "${fields[fieldIndex - 1]}", got "${filter.fieldPath}"`,
        );
      default:
        throw new Error(
          `Incorrect operator used in \`withIndex\`, ` +
            `cannot chain \`.${filter.type.toLowerCase()}()\` ` +
            `after \`.${source.range[filterIndex - 1].type.toLowerCase()}()\``,
        );
    }
  }
}
function printIndexOperator(filter) {
  return `.${filter.type.toLowerCase()}(${filter.fieldPath}, ${JSON.stringify(filter.value)})`;
}
function validateFieldNames(validator) {
  if (validator.type === "object") {
    Object.keys(validator.value).forEach((fieldName) => {
      if (!isValidIdentifier(fieldName)) {
        throw new Error(`Field names must be valid identifiers, got "${fieldName}"`);
      }
    });
  }
  if (validator.type === "union") {
    validator.value.forEach(validateFieldNames);
  }
}
function isValidIdentifier(name) {
  return /(^_(id|creationTime)$)|^[a-zA-Z][a-zA-Z0-9_]*$/.test(name);
}
// convex-offline: Convex's own validation messages (../validation.ts) instead of upstream's
// "Validator error: …", and record validators checked too.
function validateValidator(validator, value) {
  const error = validationError(validator, value, tableNameFromId);
  if (error !== null) {
    throw new Error(error);
  }
}
function syscallImpl() {
  return (op, jsonArgs) => {
    const args = JSON.parse(jsonArgs);
    const db = getDb();
    switch (op) {
      case "1.0/getSnapshotTs": {
        return JSON.stringify(convexToJson(getTransactionManager().getSnapshotTs()));
      }
      case "1.0/queryStream": {
        const { query } = args;
        const tracker = getTransactionManager().getMetricsTracker();
        tracker?.trackIndexRange();
        const queryId = db.startQuery(query);
        return JSON.stringify({ queryId });
      }
      case "1.0/queryCleanup": {
        // convex-offline: release the store's stream.
        db.queryCleanup?.(args.queryId);
        return JSON.stringify({});
      }
      case "1.0/db/normalizeId": {
        const idString = args.idString;
        const tableName = tableNameFromId(idString);
        return JSON.stringify({
          id: tableName === args.table ? idString : null,
        });
      }
      default: {
        throw new Error(`\`convexTest\` does not support syscall: "${op}"`);
      }
    }
  };
}
class AuthFake {
  _userIdentity;
  _token;
  constructor(
    _userIdentity = null,
    // The JWT the request was authenticated with, mirroring what the backend
    // derives the identity from. `null` for unauthenticated requests.
    _token = null,
  ) {
    this._userIdentity = _userIdentity;
    this._token = _token;
  }
  getUserIdentity() {
    // convex-offline: tell the host the function observed the caller's identity (a query that
    // never does can share one evaluation between callers, as Convex's cache does).
    convexGlobalStorage.getStore()?.hooks?.observeIdentity?.();
    return Promise.resolve(this._userIdentity);
  }
  get token() {
    return this._token;
  }
}
// Maps the `UserIdentity` attributes to the JWT claims they are derived from,
// as documented on `UserIdentity`. `tokenIdentifier` is left out because it is
// computed by the backend from `iss` and `sub` rather than being a claim.
const JWT_CLAIM_BY_IDENTITY_ATTRIBUTE = {
  subject: "sub",
  issuer: "iss",
  name: "name",
  givenName: "given_name",
  familyName: "family_name",
  nickname: "nickname",
  preferredUsername: "preferred_username",
  profileUrl: "profile",
  pictureUrl: "picture",
  email: "email",
  emailVerified: "email_verified",
  gender: "gender",
  birthday: "birthdate",
  timezone: "zoneinfo",
  language: "locale",
  phoneNumber: "phone_number",
  phoneNumberVerified: "phone_number_verified",
  address: "address",
  updatedAt: "updated_at",
};
function base64UrlEncode(value) {
  const bytes = new TextEncoder().encode(value);
  let binary = "";
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
// Builds the token `withIdentity` pretends the request was authenticated with.
// Real tokens are signed by an identity provider; this one is unsecured
// (`"alg": "none"`, empty signature).
function createTestJwt(identity) {
  const claims = Object.create(null);
  for (const [attribute, value] of Object.entries(identity)) {
    if (value === undefined || attribute === "tokenIdentifier") {
      continue;
    }
    // Custom claims are used as is, known attributes use their claim name.
    const claimName = Object.hasOwn(JWT_CLAIM_BY_IDENTITY_ATTRIBUTE, attribute)
      ? JWT_CLAIM_BY_IDENTITY_ATTRIBUTE[attribute]
      : attribute;
    claims[claimName] = value;
  }
  // The identity provider always determines who the user is.
  claims.iss = identity.issuer;
  claims.sub = identity.subject;
  const header = base64UrlEncode(JSON.stringify({ alg: "none", typ: "JWT" }));
  const payload = base64UrlEncode(JSON.stringify(claims));
  return `${header}.${payload}.`;
}
// Runs a function that was scheduled, moving its `_scheduled_functions`
// document through the job states around calling it. Scheduled functions run
// without auth context, even if they were scheduled from an authenticated
// function.
async function runScheduledFunction({ db, jobId, componentPath, functionPath, args, name }) {
  // A scheduled function is its own request: it doesn't inherit the request
  // metadata of whoever scheduled it, and it identifies itself through its
  // job ID.
  const requestMetadata = {
    ip: null,
    userAgent: null,
    requestId: newRequestId(),
    scheduledFunctionId: jobId,
    authToken: null,
  };
  await requestMetadataStorage.run(requestMetadata, () =>
    authStorage.run(new AuthFake(), async () => {
      // convex-offline: a scheduled mutation runs exactly once, as Convex promises: its job
      // turns "success" in the mutation's own transaction (no separate "inProgress" commit), so
      // a crash mid-run leaves the job "pending" and the restart runs it; a throw rolls both back
      // and the job is marked failed below. Actions keep "inProgress" (at most once).
      const { func } = await withAuth().resolve(functionPath);
      if (func.isMutation) {
        try {
          await withAuth().scheduledMutationFromPath(functionPath, args, () => {
            const job = db.get("_scheduled_functions", jobId);
            if (job?.state.kind !== "pending") return false; // canceled (or already ran)
            db.patch("_scheduled_functions", jobId, {
              state: { kind: "success" },
              completedTime: Date.now(),
            });
            return true;
          });
        } catch (error) {
          console.error(`Error when running scheduled function ${name}`, error);
          await withAuth().runInComponent(componentPath, async () => {
            db.patch("_scheduled_functions", jobId, {
              state: {
                kind: "failed",
                error: error instanceof Error ? error.message : String(error),
              },
              completedTime: Date.now(),
            });
          });
        }
        return;
      }
      const canceled = await withAuth().runInComponent(componentPath, async () => {
        const job = db.get("_scheduled_functions", jobId);
        if (!job) return true;
        if (job.state.kind === "canceled") {
          return true;
        }
        if (job.state.kind !== "pending") {
          throw new Error(
            `\`convexTest\` invariant error: Unexpected scheduled function state when starting it: ${job.state.kind}`,
          );
        }
        db.patch("_scheduled_functions", jobId, {
          state: { kind: "inProgress" },
        });
        return false;
      });
      if (canceled) {
        return;
      }
      try {
        await withAuth().fun(functionPath, args);
      } catch (error) {
        console.error(`Error when running scheduled function ${name}`, error);
        await withAuth().runInComponent(componentPath, async () => {
          // convex-offline: Convex records the error message on a failed job.
          db.patch("_scheduled_functions", jobId, {
            state: {
              kind: "failed",
              error: error instanceof Error ? error.message : String(error),
            },
            completedTime: Date.now(),
          });
        });
        return;
      }
      await withAuth().runInComponent(componentPath, async () => {
        const job = db.get("_scheduled_functions", jobId);
        if (job.state.kind !== "inProgress") {
          throw new Error(
            `\`convexTest\` invariant error: Unexpected scheduled function state after it finished running: ${job.state.kind}`,
          );
        }
        // convex-offline: Convex stamps completedTime on every finished job.
        db.patch("_scheduled_functions", jobId, {
          state: { kind: "success" },
          completedTime: Date.now(),
        });
      });
    }),
  );
}
// convex-offline: arms the timer of a scheduled job (also used to restore persisted
// jobs after a restart). Delays beyond setTimeout's 2^31-1 ms range are re-armed in steps.
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
function armScheduledJob(
  capturedGlobal,
  db,
  jobId,
  componentPath,
  functionPath,
  parsedArgs,
  name,
  scheduledTimeMs,
) {
  const scheduler = capturedGlobal.scheduler;
  const timers = capturedGlobal.timers;
  nestedTxStorage.exit(() => {
    scheduler.timerScheduled();
    const arm = () => {
      const delay = Math.max(0, scheduledTimeMs - Date.now());
      const timer = frameworkSetTimeout(
        () => {
          timers.delete(timer);
          if (delay > MAX_TIMER_DELAY_MS) {
            arm();
            return;
          }
          scheduler.timerFired();
          const run = () =>
            runScheduledFunction({
              db,
              jobId,
              componentPath,
              functionPath,
              args: parsedArgs,
              name,
            });
          const wrap = capturedGlobal.hooks?.wrapScheduledRun ?? ((fn) => fn());
          // The wrapper (a clean async context) goes outside, the engine's context inside.
          const promise = wrap(() => convexGlobalStorage.run(capturedGlobal, run))
            .catch((error) => {
              console.error(`Error when running scheduled function ${name}`, error);
            })
            .finally(() => {
              scheduler.finish(promise);
            });
          scheduler.add(promise);
        },
        Math.min(delay, MAX_TIMER_DELAY_MS),
      );
      timers.add(timer);
    };
    arm();
  });
}
function asyncSyscallImpl() {
  return async (op, jsonArgs) => {
    const args = JSON.parse(jsonArgs);
    const db = getDb();
    const tracker = getTransactionManager().getMetricsTracker();
    function getAndTrack(table, id) {
      const doc = db.get(table, id);
      if (doc !== null) {
        // convex-offline: sizes and JSON per document version (../../storage/documentFacts.ts).
        tracker?.trackRead(documentSize(doc));
      }
      return doc;
    }
    switch (op) {
      case "1.0/get": {
        const { table, id } = args;
        tracker?.trackIndexRange();
        const doc = getAndTrack(table, id);
        return doc === null ? "null" : documentJson(doc);
      }
      case "1.0/queryStreamNext": {
        const { value, done } = db.queryNext(args.queryId);
        if (!done && value !== null) {
          // convex-offline: the document's JSON spliced in, not converted again.
          tracker?.trackRead(documentSize(value));
          return `{"value":${documentJson(value)},"done":false}`;
        }
        return JSON.stringify(convexToJson({ value, done }));
      }
      case "1.0/queryPage": {
        const { query, cursor, endCursor, pageSize, maximumRowsRead, maximumBytesRead } = args;
        // Convex only allows a single paginated query (`.paginate()`) per
        // function execution. Multiple `.paginate()` calls pass in the test
        // mock but fail at runtime in a deployed function, so always enforce
        // the rule.
        const ctx = executionContextStorage.getStore();
        if (ctx) {
          ctx.paginatedQueries += 1;
          if (ctx.paginatedQueries > 1) {
            throw new Error(
              "Only a single paginated query (`.paginate()`) is allowed per " +
                "function execution. Calling `.paginate()` more than once in a " +
                "single Convex function fails at runtime in a deployed backend. " +
                "This is a Convex limit: https://docs.convex.dev/database/pagination",
            );
          }
        }
        const { page, isDone, continueCursor, splitCursor, pageStatus } = db.paginate({
          query,
          cursor,
          endCursor,
          pageSize,
          maximumRowsRead,
          maximumBytesRead,
        });
        if (tracker) {
          tracker.trackIndexRange();
          for (const doc of page) {
            tracker.trackRead(documentSize(doc));
          }
        }
        // convex-offline: the page's documents spliced in as their remembered JSON.
        const rest = JSON.stringify(
          convexToJson({
            isDone,
            continueCursor,
            splitCursor,
            pageStatus,
          }),
        );
        return `{"page":[${page.map(documentJson).join(",")}],${rest.slice(1)}`;
      }
      case "1.0/insert": {
        const _id = db.insert(args.table, jsonToConvex(args.value));
        tracker?.trackWrite(getConvexSize(db.get(args.table, _id)));
        return JSON.stringify({ _id });
      }
      case "1.0/shallowMerge": {
        const { table, id, value } = args;
        getAndTrack(table, id);
        db.patch(table, id, value);
        tracker?.trackWrite(getConvexSize(db.get(table, id)));
        return JSON.stringify({});
      }
      case "1.0/replace": {
        const { table, id, value } = args;
        getAndTrack(table, id);
        db.replace(table, id, value);
        tracker?.trackWrite(getConvexSize(db.get(table, id)));
        return JSON.stringify({});
      }
      case "1.0/remove": {
        const { table, id } = args;
        getAndTrack(table, id);
        db.delete(table, id);
        tracker?.trackWrite(0);
        return JSON.stringify({});
      }
      case "1.0/getTransactionMetrics": {
        if (tracker) {
          return JSON.stringify(convexToJson(tracker.getTransactionMetrics()));
        }
        throw new Error(
          "getTransactionMetrics() can only be called from a query or mutation. " +
            "It is not available in actions or outside of a Convex function.",
        );
      }
      case "1.0/getFunctionMetadata": {
        const ctx = executionContextStorage.getStore();
        if (!ctx) {
          throw new Error(
            "getFunctionMetadata() can only be called from within a Convex function.",
          );
        }
        return JSON.stringify(
          convexToJson({
            name: ctx.udfPath,
            componentPath: ctx.componentPath,
          }),
        );
      }
      case "1.0/getRequestMetadata": {
        const ctx = executionContextStorage.getStore();
        const requestMetadata = requestMetadataStorage.getStore();
        if (ctx === undefined || requestMetadata === undefined) {
          throw new Error(
            "getRequestMetadata() can only be called from a mutation, action " +
              "or HTTP action. It is not available in queries or outside of a " +
              "Convex function.",
          );
        }
        if (ctx.udfType === "query") {
          throw new Error(
            "getRequestMetadata() can only be called from a mutation, action " +
              "or HTTP action. It is not available in queries.",
          );
        }
        return JSON.stringify(convexToJson(requestMetadata));
      }
      case "1.0/getDeploymentMetadata": {
        return JSON.stringify(
          convexToJson({
            name: "test",
            region: null,
            class: "s16",
          }),
        );
      }
      case "1.0/actions/query": {
        const { name, args: queryArgs } = args;
        return JSON.stringify(
          convexToJson(await withAuth().runQuery(makeFunctionReference(name), queryArgs)),
        );
      }
      case "1.0/actions/mutation": {
        const { name, args: mutationArgs } = args;
        return JSON.stringify(
          convexToJson(await withAuth().runMutation(makeFunctionReference(name), mutationArgs)),
        );
      }
      case "1.0/actions/action": {
        const { name, args: actionArgs } = args;
        return JSON.stringify(
          convexToJson(await withAuth().runAction(makeFunctionReference(name), actionArgs)),
        );
      }
      case "1.0/runUdf": {
        const {
          udfType,
          name,
          reference,
          functionHandle,
          args: udfArgsJson,
          transactionLimits,
        } = args;
        const udfArgs = jsonToConvex(udfArgsJson);
        const functionPath = getFunctionPathFromAddress({
          name,
          reference,
          functionHandle,
        });
        if (udfType === "query") {
          return JSON.stringify(
            convexToJson(await withAuth().queryFromPath(functionPath, udfArgs, transactionLimits)),
          );
        }
        if (udfType === "snapshotQuery") {
          return JSON.stringify(
            convexToJson(
              await withAuth().snapshotQueryFromPath(functionPath, udfArgs, transactionLimits),
            ),
          );
        }
        if (udfType === "mutation") {
          return JSON.stringify(
            convexToJson(
              await withAuth().mutationFromPath(functionPath, udfArgs, transactionLimits),
            ),
          );
        }
        throw new Error(`\`convexTest\` does not support udf type: "${udfType}"`);
      }
      case "1.0/createFunctionHandle": {
        const { name, reference, functionHandle } = args;
        const functionPath = getFunctionPathFromAddress({
          name,
          reference,
          functionHandle,
        });
        const handle = createFunctionHandle(functionPath);
        return JSON.stringify(handle);
      }
      case "1.0/actions/schedule": {
        return await withAuth().run(async () => {
          return await getSyscalls().asyncSyscall("1.0/schedule", jsonArgs);
        });
      }
      case "1.0/schedule": {
        const { name, reference, functionHandle, args: fnArgs, ts: tsInSecs } = args;
        const functionAddress = { name, reference, functionHandle };
        const functionPath = getFunctionPathFromAddress(functionAddress);
        // Convert args to a Convex value before storing them or passing them to the function
        const parsedArgs = jsonToConvex(fnArgs);
        // Scheduled arguments cannot contain pending values
        if (hasPendingValues(parsedArgs)) {
          throw new Error(
            `Invalid arguments for "${functionPath.udfPath}": a scheduled ` +
              `function cannot take an unresolved placeholder value.`,
          );
        }
        tracker?.trackScheduledFunction(getConvexSize(parsedArgs));
        const jobId = db.insert("_scheduled_functions", {
          args: [parsedArgs],
          name: functionPath.udfPath,
          scheduledTime: tsInSecs * 1000,
          state: { kind: "pending" },
        });
        const componentPath = getCurrentComponentPath();
        // convex-offline: timer arming moved to armScheduledJob.
        armScheduledJob(
          getConvexGlobal(),
          db,
          jobId,
          componentPath,
          functionPath,
          parsedArgs,
          name,
          tsInSecs * 1000,
        );
        return JSON.stringify(convexToJson(jobId));
      }
      case "1.0/actions/cancel_job": {
        await withAuth().run(async () => {
          await getSyscalls().asyncSyscall("1.0/cancel_job", jsonArgs);
        });
        return JSON.stringify({});
      }
      case "1.0/actions/vectorSearch": {
        const {
          query: { indexName, limit, vector, expressions },
        } = args;
        const results = db.vectorSearch(
          indexName,
          vector,
          // Probably an unintentional implementation in Convex
          // where expressions is only a single expression
          expressions === null ? [] : [expressions],
          limit,
        );
        return JSON.stringify(convexToJson({ results }));
      }
      case "1.0/cancel_job": {
        const { id } = args;
        // convex-offline: as in Convex, only a pending or running job is canceled (a finished
        // one keeps its outcome), and a canceled job is complete (completedTime).
        const job = db.get("_scheduled_functions", id);
        if (job?.state.kind === "pending" || job?.state.kind === "inProgress") {
          db.patch("_scheduled_functions", id, {
            state: { kind: "canceled" },
            completedTime: Date.now(),
          });
        }
        return JSON.stringify({});
      }
      case "1.0/storageDelete": {
        const { storageId } = args;
        await writeToDatabase(async (db) => {
          db.delete("_storage", storageId);
        });
        return JSON.stringify({});
      }
      case "1.0/storageGetUrl": {
        const { storageId } = args;
        const metadata = db.get("_storage", storageId);
        if (metadata === null) {
          return JSON.stringify(null);
        }
        // convex-offline: URLs on our own port.
        const hooks = getConvexGlobal().hooks;
        if (hooks.storageUrl) {
          return JSON.stringify(convexToJson(hooks.storageUrl(storageId)));
        }
        const { sha256 } = metadata;
        // In the real backend the URL ofc isn't the sha
        const url = "https://some-deployment.convex.cloud/api/storage/" + sha256;
        return JSON.stringify(convexToJson(url));
      }
      case "1.0/storageGenerateUploadUrl": {
        // convex-offline: upload URLs on our own port.
        const uploadHooks = getConvexGlobal().hooks;
        if (uploadHooks.uploadUrl) {
          return JSON.stringify(convexToJson(uploadHooks.uploadUrl()));
        }
        // In the real backend the token is cryptographically secure
        const url =
          "https://some-deployment.convex.cloud/api/storage/upload?token=" + Math.random();
        return JSON.stringify(convexToJson(url));
      }
      // convex-offline: storage syscalls convex-test lacks.
      case "1.0/storageGetMetadata": {
        const { storageId } = args;
        const doc = db.get("_storage", storageId);
        if (doc === null) {
          return JSON.stringify(null);
        }
        return JSON.stringify(
          convexToJson({
            storageId: doc._id,
            sha256: hexFromBase64(doc.sha256),
            size: doc.size,
            contentType: doc.contentType ?? null,
          }),
        );
      }
      case "1.0/storageStore": {
        const { blob: base64Blob, contentType } = args;
        const bytes = Uint8Array.from(atob(base64Blob), (c) => c.charCodeAt(0));
        const blob = new Blob([bytes], contentType ? { type: contentType } : {});
        const storageId = await storeBlobInDatabase(blob);
        return JSON.stringify(convexToJson(storageId));
      }
      case "1.0/storageGet": {
        const { storageId } = args;
        const blob = await db.getFile(storageId);
        if (!blob) {
          return JSON.stringify(null);
        }
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = "";
        for (let i = 0; i < bytes.length; i += 0x8000) {
          binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        }
        return JSON.stringify(convexToJson({ blob: btoa(binary), contentType: blob.type || null }));
      }
      case "1.0/count": {
        const { table } = args;
        // convex-offline: counted by the store.
        if (typeof db.count === "function") {
          return JSON.stringify(db.count(table));
        }
        const queryId = db.startQuery({
          source: { type: "FullTableScan", tableName: table, order: "asc" },
          operators: [],
        });
        let count = 0;
        while (true) {
          const result = db.queryNext(queryId);
          if (result.done) {
            break;
          }
          count += 1;
        }
        return JSON.stringify(count);
      }
      case "1.0/auditLog": {
        return JSON.stringify(null);
      }
      default: {
        throw new Error(`\`convexTest\` does not support async syscall: "${op}"`);
      }
    }
  };
}
function jsSyscallImpl() {
  return async (op, args) => {
    const db = getDb();
    switch (op) {
      case "storage/storeBlob": {
        const { blob } = args;
        // convex-offline: one blob writer shared with the storage syscalls (see storeBlobInDatabase).
        return await storeBlobInDatabase(blob);
      }
      case "storage/getBlob": {
        const { storageId } = args;
        // convex-offline: the pluggable store may read files asynchronously.
        return await db.getFile(storageId);
      }
      default: {
        throw new Error(`\`convexTest\` does not support js syscall: "${op}"`);
      }
    }
  };
}
// convex-offline: stores the bytes first (so a committed `_storage` row always has its
// file), records the content type, and awaits an async file store.
async function storeBlobInDatabase(blob) {
  const db = getDb();
  const sha256 = await blobSha(blob);
  const storageId = await writeToDatabase(async (db) => {
    const doc = { size: blob.size, sha256 };
    if (blob.type) {
      doc.contentType = blob.type;
    }
    const id = db.insert("_storage", doc);
    await db.storeFile(id, blob);
    return id;
  });
  return storageId;
}
function hexFromBase64(base64) {
  return Array.from(atob(base64), (c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("");
}
// If we're in action, wrap the write in a transaction.
async function writeToDatabase(impl) {
  const db = getDb();
  // convex-offline: decide by the caller's own context, not by whether *some* transaction is
  // running (an action storing a file while another function runs must not write into it).
  const udfType = executionContextStorage.getStore()?.udfType;
  if (udfType !== "mutation" && udfType !== "query") {
    return await withAuth().run(async () => {
      return await impl(db);
    });
  } else {
    return await impl(db);
  }
}
async function blobSha(blob) {
  const arrayBuffer = await blob.arrayBuffer();
  const hashBuffer = await crypto.subtle.digest("SHA-256", arrayBuffer);
  const hashArray = new Uint8Array(hashBuffer);
  return btoa(String.fromCharCode(...hashArray));
}
function getComponentInfo(componentPath) {
  const convex = getConvexGlobal();
  if (convex.components[componentPath] === undefined) {
    throw new Error(`Component "${componentPath}" is not registered. Call "t.registerComponent".`);
  }
  return convex.components[componentPath];
}
function getDbForComponent(componentPath) {
  return getComponentInfo(componentPath).db;
}
function getDb() {
  return getDbForComponent(getCurrentComponentPath());
}
function getTransactionManager() {
  return getConvexGlobal().transactionManager;
}
function getCurrentComponentPath() {
  return executionContextStorage.getStore()?.componentPath ?? ROOT_COMPONENT_PATH;
}
function getModules() {
  return getModulesForComponent(getCurrentComponentPath());
}
function getModulesForComponent(componentPath) {
  return getComponentInfo(componentPath).modules;
}
function getSyscalls() {
  return getConvexGlobal();
}
function moduleCache(specifiedModules) {
  const modules = specifiedModules ?? import.meta.glob("../../../convex/**/*.*s");
  const prefix = findModulesRoot(Object.keys(modules), specifiedModules !== undefined);
  const modulesWithoutExtension = Object.fromEntries(
    Object.entries(modules).map(([path, module]) => [path.replace(/\.[^.]+$/, ""), module]),
  );
  return async (path) => {
    const module = modulesWithoutExtension[prefix + path];
    if (module === undefined) {
      throw new Error(`Could not find module for: "${path}"`);
    }
    return await module();
  };
}
function findModulesRoot(modulesPaths, userProvidedModules) {
  const generatedFilePath = modulesPaths.find((path) => path.includes("_generated"));
  if (generatedFilePath !== undefined) {
    return generatedFilePath.split("_generated", 2)[0];
  }
  throw new Error(
    'Could not find the "_generated" directory, make sure to run ' +
      "`npx convex dev` or `npx convex codegen`. " +
      (userProvidedModules
        ? "Make sure your `import.meta.glob` includes the files in the " + '"_generated" directory'
        : "If your Convex functions aren't defined in a directory " +
          'called "convex" sibling to your node_modules, ' +
          "provide the second argument to `convexTest`"),
  );
}
const executionContextStorage = new AsyncLocalStorage();
// The request metadata of the innermost top-level function execution. Nested
// calls (including calls into components) inherit it, so it is only created
// when a function is called from the test itself, and replaced when a
// scheduled function starts.
const requestMetadataStorage = new AsyncLocalStorage();
const DEFAULT_REQUEST_OPTIONS = { ip: null, userAgent: null };
// Request IDs are internal bookkeeping. Generating them must not consume a
// handler's mocked randomness, so they come from a counter instead of `crypto`
// or `Math.random`. The prefix marks these as test-only IDs.
let nextRequestId = 0;
function newRequestId() {
  return `fake-request-id-${nextRequestId++}`;
}
function getConvexGlobal() {
  const store = convexGlobalStorage.getStore();
  if (!store) {
    throw new Error(
      "No active convexTest context. " +
        "Make sure you are calling methods on the object returned by convexTest().",
    );
  }
  return store;
}
/*
 * Globals that libraries (e.g. workflow engines) may override during a handler.
 * Each invocation gets its own AsyncLocalStorage context. Nested Convex calls
 * start from the test environment's globals, with their own runtime restrictions,
 * instead of inheriting the caller's overrides.
 *
 * Known limitation: isolation relies on the getters/setters installed below:
 * ✅ `globalThis.Math = replacement` calls the setter, isolating the replacement.
 * ❌ `delete globalThis.crypto` removes the getter/setter entirely.
 * ❌ `Object.defineProperty(globalThis, "Math", { value: replacement })` replaces
 *    the getter/setter without calling it, changing the global for all handlers.
 * ❌ `Math.random = replacement` changes a property of the shared Math object,
 *    without calling the setter for globalThis.Math.
 *
 * At handler entry we rewrap globals replaced by test setup (including
 * vi.stubGlobal), using the replacement as the shared default. Replacing or
 * deleting a property while a handler is running bypasses isolation, including
 * when another test changes its shared mocks.
 *
 * To work around this limitation, assign a replacement object to the global.
 * To make a global's value unavailable, assign undefined instead of using delete
 * (the property remains present). Only the globals listed below that are present
 * and configurable in the test environment can be isolated. Assignments outside
 * handlers change the shared test environment and must be restored by the test.
 */
const PATCHABLE_GLOBALS = [
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "fetch",
  "Date",
  "Math",
  "console",
  "process",
  "crypto",
  "Crypto",
  "CryptoKey",
  "SubtleCrypto",
  "atob",
  "btoa",
  "Request",
  "Response",
  "Headers",
  "URL",
  "URLSearchParams",
  "AbortController",
  "TextEncoder",
  "TextDecoder",
  "structuredClone",
  "queueMicrotask",
  "performance",
];
const globalOverridesStorage = new AsyncLocalStorage();
// The framework's own scheduler needs setTimeout even when running inside a
// transaction context where setTimeout is disallowed for user code. Exit the
// override store before reading globalThis.setTimeout so we get the underlying
// value (which honors vitest fake timers, since those replace the proxy
// target rather than entering an ALS context). Registering the timer outside
// the store also means the callback doesn't inherit the scheduling function's
// overrides. Unlike `realSetTimeout`, this is fake-timer aware, so
// scheduled functions fire when a test advances timers.
function frameworkSetTimeout(cb, ms) {
  return globalOverridesStorage.exit(() => globalThis.setTimeout(cb, ms));
}
// Globals that the real Convex runtime does not provide inside queries and
// mutations (transactions). Reading them is fine; calling them throws. Handlers
// can assign to `globalThis.fetch` etc. — writes land
// in the per-call ALS override map and replace the sentinel for that call.
function disallowedInTransaction(name) {
  return () => {
    throw new Error(
      `\`${name}\` is not supported in Convex queries or mutations. ` +
        `Move this code to an action; a mutation can start one with ` +
        `\`ctx.scheduler.runAfter(0, ...)\`.`,
    );
  };
}
function transactionGlobalOverrides() {
  return {
    fetch: disallowedInTransaction("fetch"),
    setTimeout: disallowedInTransaction("setTimeout"),
    clearTimeout: disallowedInTransaction("clearTimeout"),
    setInterval: disallowedInTransaction("setInterval"),
    clearInterval: disallowedInTransaction("clearInterval"),
  };
}
// Remember every installed getter/setter pair, including older pairs that
// vi.unstubAllGlobals may restore. Weak references let unused pairs be collected.
const globalProxySetters = new WeakMap();
// Rewrap tracked globals replaced by test setup, preserving the replacement as
// the default outside handlers. Keep these accessors installed between calls:
// removing them when one async handler finishes would affect overlapping calls.
function installGlobalProxies() {
  const g = globalThis;
  for (const key of PATCHABLE_GLOBALS) {
    if (!(key in g)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(g, key);
    const installedSetter =
      // eslint-disable-next-line @typescript-eslint/unbound-method -- Compare accessor identity without calling it.
      descriptor?.get && globalProxySetters.get(descriptor.get);
    if (installedSetter && installedSetter === descriptor.set) continue;
    // Some environments or test setups make globals non-configurable.
    // Those properties cannot be replaced with our accessors, even if writable.
    if (descriptor?.configurable === false) continue;
    // Resolve inherited properties without evaluating getters during installation.
    let originalDescriptor = descriptor;
    for (
      let prototype = Object.getPrototypeOf(g);
      !originalDescriptor && prototype;
      prototype = Object.getPrototypeOf(prototype)
    ) {
      originalDescriptor = Object.getOwnPropertyDescriptor(prototype, key);
    }
    if (!originalDescriptor) continue;
    // Each installation owns a descriptor copy. Data properties use its value
    // as mutable backing state; accessors delegate on each read/write with the
    // global receiver and the reader's current context. Never read g[key] from
    // our getter, which would recurse. Keeping older copies separate also lets
    // vi.unstubAllGlobals restore the default from before a stub was installed.
    const defaultDescriptor = originalDescriptor;
    const get = () => {
      const store = globalOverridesStorage.getStore();
      if (store && key in store) return store[key];
      return "value" in defaultDescriptor
        ? defaultDescriptor.value
        : defaultDescriptor.get?.call(g);
    };
    const set = (value) => {
      const store = globalOverridesStorage.getStore();
      if (store) {
        store[key] = value;
      } else if ("value" in defaultDescriptor && defaultDescriptor.writable) {
        defaultDescriptor.value = value;
      } else if (defaultDescriptor.set) {
        defaultDescriptor.set.call(g, value);
      } else {
        throw new TypeError(`Cannot assign to read only global '${key}'`);
      }
    };
    try {
      Object.defineProperty(g, key, {
        get,
        set,
        configurable: true,
        enumerable: descriptor?.enumerable ?? false,
      });
      globalProxySetters.set(get, set);
    } catch {
      // Some environments may prevent replacing a global property.
    }
  }
}
function runWithGlobalOverrides(overrides, handler) {
  installGlobalProxies();
  // convex-offline: a console that records the function's log lines.
  const makeConsole = convexGlobalStorage.getStore()?.hooks?.console;
  const withConsole = makeConsole ? { console: makeConsole(), ...overrides } : overrides;
  return globalOverridesStorage.run(withConsole, handler);
}
// Install a permanent global proxy so the Convex runtime's
// `Convex.syscall` / `Convex.asyncSyscall` / `Convex.jsSyscall`
// always delegate to the current test's ALS context.
// This avoids writing per-test state to the global.
let _globalProxyInstalled = false;
function ensureGlobalProxy() {
  if (_globalProxyInstalled) return;
  _globalProxyInstalled = true;
  installGlobalProxies();
  global.Convex = {
    // convex-offline: a function past its time limit can't reach the database any more.
    get syscall() {
      refuseIfTimedOut();
      return getConvexGlobal().syscall;
    },
    get asyncSyscall() {
      refuseIfTimedOut();
      return getConvexGlobal().asyncSyscall;
    },
    get jsSyscall() {
      refuseIfTimedOut();
      return getConvexGlobal().jsSyscall;
    },
  };
}
// Per-test scheduler state: tracks executions of scheduled functions that
// have been fired (their setTimeout callback has run) but haven't yet
// settled.
class Scheduler {
  _inFlight = new Set();
  // Number of setTimeouts registered for scheduled functions that haven't
  // fired yet. Timers registered while real timers were active cannot be
  // fired by advancing fake timers — they need real event loop turns —
  // so `finishAllScheduledFunctions` uses this to know whether to keep
  // yielding instead of returning early.
  _pendingTimerCount = 0;
  timerScheduled() {
    this._pendingTimerCount += 1;
  }
  timerFired() {
    this._pendingTimerCount -= 1;
  }
  anyPendingTimers() {
    return this._pendingTimerCount > 0;
  }
  add(promise) {
    this._inFlight.add(promise);
  }
  finish(promise) {
    this._inFlight.delete(promise);
  }
  anyFunctionsRunning() {
    return this._inFlight.size > 0;
  }
  async finishInProgressScheduledFunctions() {
    while (this._inFlight.size > 0) {
      await Promise.all(this._inFlight);
    }
  }
}
// convex-offline: the TransactionManager whose commit gate the current async context holds for
// a batch of queries (`holdForReads`), so those queries see one snapshot.
const readHoldStorage = new AsyncLocalStorage();
// convex-offline: the top-level transaction the current async context runs in. Transactions run
// optimistically side by side (no global lock): each has its own snapshot timestamp, metrics and,
// in the database, its own write layers and read set; a commit is validated against the commits
// made since the transaction began (OCC, see ../occ.ts).
const transactionStorage = new AsyncLocalStorage();
function currentTransaction() {
  return transactionStorage.getStore();
}
// convex-offline: thrown at commit when a document the transaction read changed meanwhile.
class OccConflict extends Error {
  constructor(conflict) {
    super("OptimisticConcurrencyControlFailure");
    this.conflict = conflict;
  }
}
class TransactionManager {
  // convex-offline: upstream serializes every function behind one lock. Here function bodies run
  // concurrently; the only exclusion is the commit gate, held by `holdForReads` (queries that
  // must all see one snapshot): commits wait for it, running functions do not.
  _gate = null;
  _releaseGate = null;
  _limitsConfig;
  // The latest committed transaction's timestamp, in Unix nanoseconds.
  // Zero represents the initial empty database, before any commits.
  _lastCommitTs = 0n;
  constructor(limitsConfig = false) {
    this._limitsConfig = limitsConfig;
  }
  // convex-offline: a fresh top-level transaction (run it with `transactionStorage.run`).
  newTransaction(writeSource, isQuery = false) {
    return {
      snapshotTs: this._lastCommitTs,
      // Tracks bandwidth usage and enforces limits for this transaction (upstream keeps one on
      // the manager, which only works while transactions are serialized).
      // convex-offline: Convex's error texts when a limit is exceeded (../limits.ts).
      metricsTracker: new ConvexLimitsTracker(this._limitsConfig),
      writeSource,
      // A query inside holdForReads sees no commit interleave, so it needs no validation.
      held: isQuery && readHoldStorage.getStore() === this,
      // Set when the transaction ends: what it read that a later commit changed, or null.
      conflict: null,
    };
  }
  async _acquireGate() {
    while (this._gate !== null) {
      await this._gate;
    }
    this._gate = new Promise((resolve) => {
      this._releaseGate = resolve;
    });
  }
  _releaseGateNow() {
    const release = this._releaseGate;
    this._gate = null;
    this._releaseGate = null;
    release?.();
  }
  // convex-offline: runs fn holding the commit gate: queries it runs one after another all see
  // the same committed state. A mutation started inside fn commits after fn returns.
  async holdForReads(fn) {
    if (readHoldStorage.getStore() === this) {
      return await fn();
    }
    await this._acquireGate();
    try {
      return await readHoldStorage.run(this, fn);
    } finally {
      this._releaseGateNow();
    }
  }
  async begin(isNested, transactionLimits) {
    const transaction = currentTransaction();
    if (transaction === undefined) {
      throw new Error("convex-offline: a transaction began outside its transaction context");
    }
    const convex = getConvexGlobal();
    for (const component of Object.values(convex.components)) {
      component.db.startTransaction();
    }
    transaction.metricsTracker.startTransaction(transactionLimits);
  }
  // Used to distinguish between mutation and action execution
  // environment.
  isInTransaction() {
    return currentTransaction() !== undefined;
  }
  // The metrics tracker, or null when not inside a transaction.
  getMetricsTracker() {
    return currentTransaction()?.metricsTracker ?? null;
  }
  getSnapshotTs() {
    const transaction = currentTransaction();
    if (transaction === undefined) {
      throw new Error("getSnapshotTs() can only be called from a query or mutation.");
    }
    return transaction.snapshotTs;
  }
  // convex-offline: the first document this transaction read that a commit made since it began
  // changed, or null.
  _findConflict() {
    const convex = getConvexGlobal();
    for (const component of Object.values(convex.components)) {
      const conflict = component.db.findConflict?.() ?? null;
      if (conflict !== null) {
        return conflict;
      }
    }
    return null;
  }
  // Commits a nested transaction into its parent (its writes stay pending until the outermost
  // transaction commits); the outermost one commits with commitTopLevel.
  commit(isNested) {
    if (!isNested) {
      throw new Error("convex-offline: top-level transactions commit with commitTopLevel");
    }
    const convex = getConvexGlobal();
    for (const component of Object.values(convex.components)) {
      component.db.commit(null);
    }
    currentTransaction()?.metricsTracker.commit();
    return null;
  }
  // convex-offline: validates the read set against the commits made since the transaction began
  // and applies the writes, returning the commit timestamp; throws OccConflict instead when a
  // document it read changed. Waits while a holdForReads batch runs; from the validation to the
  // store update it is synchronous, so no other commit can come in between.
  async commitTopLevel() {
    while (this._gate !== null) {
      await this._gate;
    }
    const conflict = this._findConflict();
    if (conflict !== null) {
      throw new OccConflict(conflict);
    }
    const nowNanos = BigInt(Date.now()) * 1000000n;
    // Bump by one if the clock is frozen or has moved backwards.
    const commitTs = nowNanos > this._lastCommitTs ? nowNanos : this._lastCommitTs + 1n;
    this._lastCommitTs = commitTs;
    const convex = getConvexGlobal();
    // convex-offline: the app's and every component's writes are one commit for the host
    // (one commit-log record), not one per database.
    const commitAll = () => {
      for (const component of Object.values(convex.components)) {
        component.db.commit(commitTs);
      }
    };
    const commitBatch = convex.hooks?.commitBatch;
    if (commitBatch) {
      commitBatch(commitAll);
    } else {
      commitAll();
    }
    currentTransaction()?.metricsTracker.commit();
    return commitTs;
  }
  rollback(isNested) {
    const transaction = currentTransaction();
    if (!isNested && transaction !== undefined && !transaction.held) {
      // convex-offline: remember whether what it saw was consistent (see OCC in ../occ.ts).
      transaction.conflict = this._findConflict();
    }
    const convex = getConvexGlobal();
    for (const component of Object.values(convex.components)) {
      component.db.rollbackWrites();
    }
    transaction?.metricsTracker.rollback();
  }
  stashWrites() {
    const convex = getConvexGlobal();
    const stashed = new Map();
    for (const [path, component] of Object.entries(convex.components)) {
      stashed.set(path, component.db.stashWrites());
    }
    return stashed;
  }
  restoreWrites(stashed) {
    const convex = getConvexGlobal();
    for (const [path, writes] of stashed) {
      convex.components[path].db.restoreWrites(writes);
    }
  }
}
export function convexTest(schemaOrOptions, modules) {
  let schema = undefined;
  let limitsConfig = false;
  // Detect legacy API by checking for schema's "tables" property
  function isSchemaDefinition(schemaOrOptions) {
    return (
      schemaOrOptions !== null &&
      typeof schemaOrOptions === "object" &&
      "tables" in schemaOrOptions &&
      typeof schemaOrOptions.tables === "object"
    );
  }
  if (schemaOrOptions === undefined) {
    // convexTest() - no arguments
  } else if (isSchemaDefinition(schemaOrOptions)) {
    // convexTest(schema, modules?)
    schema = schemaOrOptions;
  } else {
    // convexTest({ schema?, modules?, transactionLimits? })
    const opts = schemaOrOptions;
    schema = opts.schema;
    modules = opts.modules;
    // convex-offline: Convex enforces its transaction limits on every function (off upstream).
    limitsConfig = opts.transactionLimits ?? true;
  }
  // convex-offline: pluggable database and hooks.
  const createDatabase =
    schemaOrOptions?.createDatabase ?? ((s, path) => new DatabaseFake(s, path));
  const hooks = schemaOrOptions?.hooks ?? {};
  const rootDb = createDatabase(schema ?? null, ROOT_COMPONENT_PATH);
  const convexGlobal = {
    components: {
      [ROOT_COMPONENT_PATH]: {
        db: rootDb,
        modules: moduleCache(modules),
      },
    },
    transactionManager: new TransactionManager(limitsConfig),
    scheduler: new Scheduler(),
    syscall: syscallImpl(),
    asyncSyscall: asyncSyscallImpl(),
    jsSyscall: jsSyscallImpl(),
    // convex-offline: read/write hooks for the server and the timers a test instance armed.
    hooks,
    timers: new Set(),
  };
  ensureGlobalProxy();
  // Wrap all function properties to run within this test's ALS context.
  function wrapInContext(obj) {
    const result = {};
    for (const key of Object.keys(obj)) {
      const val = obj[key];
      result[key] =
        typeof val === "function"
          ? (...args) => convexGlobalStorage.run(convexGlobal, () => val(...args))
          : val;
    }
    return result;
  }
  function registerComponent(componentPath, schema, glob) {
    const componentInfo = {
      // convex-offline: components get the pluggable database too.
      db: createDatabase(schema ?? null, componentPath),
      modules: moduleCache(glob),
    };
    convexGlobal.components[componentPath] = componentInfo;
  }
  // Each accessor is immutable: `withIdentity` and `withRequestMetadata`
  // return a new one, keeping what the other method configured, so they can be
  // called in either order.
  function testAccessor(auth, requestOptions) {
    return {
      ...wrapInContext(withAuth(auth, requestOptions)),
      withIdentity(identity) {
        const subject = identity.subject ?? "" + simpleHash(JSON.stringify(identity));
        const issuer = identity.issuer ?? "https://convex.test";
        const tokenIdentifier = identity.tokenIdentifier ?? `${issuer}|${subject}`;
        const fullIdentity = { ...identity, subject, issuer, tokenIdentifier };
        return testAccessor(
          new AuthFake(fullIdentity, createTestJwt(fullIdentity)),
          requestOptions,
        );
      },
      withRequestMetadata(metadata) {
        return testAccessor(auth, {
          ip: metadata.ip ?? null,
          userAgent: metadata.userAgent ?? null,
        });
      },
    };
  }
  return {
    ...testAccessor(new AuthFake(), DEFAULT_REQUEST_OPTIONS),
    registerComponent,
    // convex-offline: one-snapshot query batches (see TransactionManager.holdForReads).
    holdForReads: (fn) =>
      convexGlobalStorage.run(convexGlobal, () => convexGlobal.transactionManager.holdForReads(fn)),
    // convex-offline: re-arm a persisted pending job (of the app or of a component), and
    // stop all timers on shutdown.
    armScheduledJob: (job, componentPath = ROOT_COMPONENT_PATH) =>
      convexGlobalStorage.run(convexGlobal, () =>
        armScheduledJob(
          convexGlobal,
          convexGlobal.components[componentPath].db,
          job._id,
          componentPath,
          { udfPath: job.name, componentPath },
          job.args[0] ?? {},
          job.name,
          job.scheduledTime,
        ),
      ),
    cancelAllTimers: () => {
      for (const timer of convexGlobal.timers) {
        realClearTimeout(timer);
      }
      convexGlobal.timers.clear();
    },
    convexGlobal,
  };
}
// Capture before fake timers are installed.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const realClearTimeout = globalThis.clearTimeout.bind(globalThis);
function yieldThroughRealTimers() {
  return new Promise((r) => realSetTimeout(r, 0));
}
function withAuth(
  auth = authStorage.getStore() ?? new AuthFake(),
  requestOptions = DEFAULT_REQUEST_OPTIONS,
) {
  // Auth doesn't propagate across component boundaries.
  function authForComponent(componentPath) {
    const ctx = executionContextStorage.getStore();
    const isCrossComponent = ctx !== undefined && componentPath !== ctx.componentPath;
    return isCrossComponent ? new AuthFake() : auth;
  }
  // Nested calls, including calls into components, run as part of the request
  // that triggered the outermost function, so they share its metadata.
  function requestMetadataForExecution() {
    return (
      requestMetadataStorage.getStore() ?? {
        ip: requestOptions.ip,
        userAgent: requestOptions.userAgent,
        requestId: newRequestId(),
        scheduledFunctionId: null,
        authToken: auth.token,
      }
    );
  }
  const runMutationWithHandler = async (
    handler,
    args,
    extraCtx = {},
    functionPath,
    isNested,
    transactionLimits,
  ) => {
    const m = mutationGeneric({
      handler: (ctx, a) => {
        const testCtx = {
          ...ctx,
          auth: authStorage.getStore() ?? auth,
          ...extraCtx,
        };
        return runWithGlobalOverrides(transactionGlobalOverrides(), () => handler(testCtx, a));
      },
    });
    const transactionManager = getTransactionManager();
    const authForChild = authForComponent(functionPath.componentPath);
    const parentCtx = executionContextStorage.getStore();
    const childCtx = {
      componentPath: functionPath.componentPath,
      udfPath: functionPath.udfPath,
      udfType: "mutation",
      depth: (parentCtx?.depth ?? 0) + 1,
      paginatedQueries: 0,
      // convex-offline: the caller's context, so a timed-out caller stops its callees too.
      parent: parentCtx,
      timedOut: null,
    };
    const requestMetadata = requestMetadataForExecution();
    const attempt = async () => {
      await transactionManager.begin(isNested, transactionLimits);
      try {
        const childLock = new NestedLock();
        const invokeRaw = () => m.invokeMutation(JSON.stringify(convexToJson([parseArgs(args)])));
        const invokeInContext = () =>
          executionContextStorage.run(childCtx, () =>
            requestMetadataStorage.run(requestMetadata, () =>
              authStorage.run(authForChild, invokeRaw),
            ),
          );
        const rawResult = isNested
          ? await nestedTxStorage.run(childLock, invokeInContext)
          : await withTimeLimit(
              () => nestedTxStorage.run(childLock, invokeInContext),
              "mutation",
              childCtx,
            );
        const commitTs = isNested
          ? transactionManager.commit(isNested)
          : await transactionManager.commitTopLevel();
        const result = jsonToConvex(JSON.parse(rawResult));
        return commitTs === null ? result : resolveCommittedValues(result, commitTs);
      } catch (e) {
        transactionManager.rollback(isNested);
        throw deserializeConvexErrorData(e);
      }
    };
    if (isNested) {
      return await attempt();
    }
    // convex-offline: optimistic concurrency as Convex runs mutations: on a conflict (or an error
    // thrown by a run whose reads a commit changed meanwhile, which Convex would never have shown)
    // run again after a backoff, at most OCC_MAX_RETRIES times, then fail with Convex's text.
    for (let failures = 0; ; failures++) {
      const transaction = transactionManager.newTransaction(functionPath.udfPath);
      try {
        return await transactionStorage.run(transaction, attempt);
      } catch (e) {
        const conflict = e instanceof OccConflict ? e.conflict : transaction.conflict;
        if (conflict === null) {
          throw e;
        }
        if (failures >= OCC_MAX_RETRIES) {
          throw systemError(occFailureMessage(conflict, functionPath.udfPath), callDepth());
        }
        await new Promise((resolve) => realSetTimeout(resolve, occBackoffMs(failures)));
      }
    }
  };
  // Shared helper to run a query with a given handler and transaction context.
  // Used by both queryFromPath (for function references) and inline queries.
  // Callers are responsible for acquiring the nested lock when nested.
  const runQueryWithHandler = async (handler, args, functionPath, isNested, transactionLimits) => {
    const q = queryGeneric({
      handler: (ctx, a) => {
        const testCtx = { ...ctx, auth: authStorage.getStore() ?? auth };
        return runWithGlobalOverrides(transactionGlobalOverrides(), () => handler(testCtx, a));
      },
    });
    const transactionManager = getTransactionManager();
    const authForChild = authForComponent(functionPath.componentPath);
    const parentCtx = executionContextStorage.getStore();
    const childCtx = {
      componentPath: functionPath.componentPath,
      udfPath: functionPath.udfPath,
      udfType: "query",
      depth: (parentCtx?.depth ?? 0) + 1,
      paginatedQueries: 0,
      // convex-offline: the caller's context, so a timed-out caller stops its callees too.
      parent: parentCtx,
      timedOut: null,
    };
    const requestMetadata = requestMetadataForExecution();
    const attempt = async () => {
      await transactionManager.begin(isNested, transactionLimits);
      try {
        const childLock = new NestedLock();
        const invokeRaw = () => q.invokeQuery(JSON.stringify(convexToJson([parseArgs(args)])));
        const invokeInContext = () =>
          executionContextStorage.run(childCtx, () =>
            requestMetadataStorage.run(requestMetadata, () =>
              authStorage.run(authForChild, invokeRaw),
            ),
          );
        const rawResult = isNested
          ? await nestedTxStorage.run(childLock, invokeInContext)
          : await withTimeLimit(
              () => nestedTxStorage.run(childLock, invokeInContext),
              "query",
              childCtx,
            );
        const result = jsonToConvex(JSON.parse(rawResult));
        if (!isNested && hasPendingValues(result)) {
          throw new Error(
            `Function ${functionPath.udfPath} return value invalid: queries ` +
              `cannot return an unresolved placeholder value.`,
          );
        }
        return result;
      } catch (e) {
        throw deserializeConvexErrorData(e);
      } finally {
        transactionManager.rollback(isNested);
      }
    };
    if (isNested) {
      return await attempt();
    }
    // convex-offline: a query must see one snapshot. It runs optimistically; when a commit changed
    // something it read while it ran, its outcome may mix two states, so it runs again — after
    // QUERY_OPTIMISTIC_RUNS such races, holding the commit gate so none can interleave.
    for (let runs = 1; ; runs++) {
      if (runs > QUERY_OPTIMISTIC_RUNS && readHoldStorage.getStore() !== transactionManager) {
        return await transactionManager.holdForReads(() =>
          transactionStorage.run(
            transactionManager.newTransaction(functionPath.udfPath, /* isQuery */ true),
            attempt,
          ),
        );
      }
      const transaction = transactionManager.newTransaction(
        functionPath.udfPath,
        /* isQuery */ true,
      );
      let outcome;
      try {
        outcome = { value: await transactionStorage.run(transaction, attempt) };
      } catch (e) {
        outcome = { error: e };
      }
      if (transaction.conflict === null) {
        if ("error" in outcome) {
          throw outcome.error;
        }
        return outcome.value;
      }
    }
  };
  // Shared helper to run an action with a given handler
  // Used by both actionFromPath (for function references) and inline actions
  const runActionWithHandler = async (
    handler,
    args,
    functionPath,
    ctxRunQuery,
    ctxRunMutation,
    ctxRunAction,
  ) => {
    const a = actionGeneric({
      handler: (ctx, innerArgs) => {
        const testCtx = {
          ...ctx,
          runQuery: ctxRunQuery,
          runMutation: ctxRunMutation,
          runAction: ctxRunAction,
          auth: authStorage.getStore() ?? auth,
        };
        return runWithGlobalOverrides({}, () => handler(testCtx, innerArgs));
      },
    });
    const authForChild = authForComponent(functionPath.componentPath);
    const parentCtx = executionContextStorage.getStore();
    const childCtx = {
      componentPath: functionPath.componentPath,
      udfPath: functionPath.udfPath,
      udfType: "action",
      depth: (parentCtx?.depth ?? 0) + 1,
      paginatedQueries: 0,
      // convex-offline: the caller's context, so a timed-out caller stops its callees too.
      parent: parentCtx,
      timedOut: null,
    };
    const requestMetadata = requestMetadataForExecution();
    return await executionContextStorage.run(childCtx, async () => {
      try {
        const rawResult = await withTimeLimit(
          () =>
            requestMetadataStorage.run(requestMetadata, () =>
              authStorage.run(authForChild, () =>
                a.invokeAction(
                  requestMetadata.requestId,
                  JSON.stringify(convexToJson([parseArgs(args)])),
                ),
              ),
            ),
          "action",
          childCtx,
        );
        return jsonToConvex(JSON.parse(rawResult));
      } catch (e) {
        throw deserializeConvexErrorData(e);
      }
    });
  };
  const byTypeWithPath = {
    queryFromPath: async (functionPath, args, transactionLimits) => {
      refuseIfTimedOut(); // convex-offline: see withTimeLimit.
      const parentLock = nestedTxStorage.getStore() ?? null;
      const isNested = parentLock !== null;
      if (parentLock) {
        await parentLock.acquire();
      }
      try {
        const resolved = await resolveFunction(functionPath, "query");
        validateFunctionArgs(resolved.args, args ?? {}, resolved.functionPath, isNested);
        const result = await runQueryWithHandler(
          resolved.handler,
          args,
          resolved.functionPath,
          isNested,
          transactionLimits,
        );
        validateReturnValue(resolved.returns, result, "query", resolved.functionPath);
        return result;
      } finally {
        if (parentLock) {
          parentLock.release();
        }
      }
    },
    snapshotQueryFromPath: async (functionPath, args, transactionLimits) => {
      const parentLock = nestedTxStorage.getStore() ?? null;
      if (parentLock) {
        await parentLock.acquire();
      }
      // Stash pending writes so the query only sees committed state.
      const transactionManager = getTransactionManager();
      const stashed = transactionManager.stashWrites();
      try {
        const resolved = await resolveFunction(functionPath, "query");
        validateFunctionArgs(
          resolved.args,
          args ?? {},
          resolved.functionPath,
          // Only reachable from inside a mutation.
          /* allowPendingValues */ true,
        );
        const result = await runQueryWithHandler(
          resolved.handler,
          args,
          resolved.functionPath,
          // isNested=true to avoid re-acquiring the top-level lock
          // (we're inside a mutation that already holds it).
          /* isNested */ true,
          transactionLimits,
        );
        validateReturnValue(resolved.returns, result, "query", resolved.functionPath);
        return result;
      } finally {
        transactionManager.restoreWrites(stashed);
        if (parentLock) {
          parentLock.release();
        }
      }
    },
    // convex-offline: the function a path names (to tell a scheduled mutation from an action).
    resolve: async (functionPath) => await resolveFunction(functionPath, "any"),
    // convex-offline: a scheduled mutation, top level, with `claimJob` run in its transaction
    // before the handler: it marks the job done (committing with the mutation's writes) or
    // returns false when the job is no longer pending, and then the handler does not run.
    scheduledMutationFromPath: async (functionPath, args, claimJob) => {
      const resolved = await resolveFunction(functionPath, "mutation");
      validateFunctionArgs(resolved.args, args ?? {}, resolved.functionPath, false);
      let claimed = false;
      const result = await runMutationWithHandler(
        async (ctx, a) => {
          claimed = claimJob();
          return claimed ? await resolved.handler(ctx, a) : null;
        },
        args,
        {},
        resolved.functionPath,
        false,
      );
      if (claimed) validateReturnValue(resolved.returns, result, "mutation", resolved.functionPath);
      return result;
    },
    mutationFromPath: async (functionPath, args, transactionLimits) => {
      refuseIfTimedOut(); // convex-offline: see withTimeLimit.
      const parentLock = nestedTxStorage.getStore() ?? null;
      const isNested = parentLock !== null;
      if (parentLock) {
        await parentLock.acquire();
      }
      try {
        const resolved = await resolveFunction(functionPath, "mutation");
        validateFunctionArgs(resolved.args, args ?? {}, resolved.functionPath, isNested);
        const result = await runMutationWithHandler(
          resolved.handler,
          args,
          {},
          resolved.functionPath,
          isNested,
          transactionLimits,
        );
        validateReturnValue(resolved.returns, result, "mutation", resolved.functionPath);
        return result;
      } finally {
        if (parentLock) {
          parentLock.release();
        }
      }
    },
    actionFromPath: async (functionPath, args) => {
      refuseIfTimedOut(); // convex-offline: see withTimeLimit.
      const resolved = await resolveFunction(functionPath, "action");
      // An action runs outside any transaction.
      validateFunctionArgs(
        resolved.args,
        args ?? {},
        resolved.functionPath,
        /* allowPendingValues */ false,
      );
      const result = await runActionWithHandler(
        resolved.handler,
        args,
        resolved.functionPath,
        byTypeWithPath.runQuery,
        byTypeWithPath.runMutation,
        byTypeWithPath.runAction,
      );
      validateReturnValue(resolved.returns, result, "action", resolved.functionPath);
      return result;
    },
    runQuery: async (functionReference, args) => {
      const functionPath = getFunctionPathFromReference(functionReference);
      return await byTypeWithPath.queryFromPath(functionPath, args);
    },
    runMutation: async (functionReference, args) => {
      const functionPath = getFunctionPathFromReference(functionReference);
      return await byTypeWithPath.mutationFromPath(functionPath, args);
    },
    runAction: async (functionReference, args) => {
      const functionPath = getFunctionPathFromReference(functionReference);
      return await byTypeWithPath.actionFromPath(functionPath, args);
    },
  };
  const byType = {
    query: async (functionReferenceOrHandler, args) => {
      if (typeof functionReferenceOrHandler === "function") {
        return await runQueryWithHandler(
          functionReferenceOrHandler,
          args ?? {},
          { componentPath: getCurrentComponentPath(), udfPath: "inline" },
          /* isNested */ false,
        );
      }
      const functionPath = getFunctionPathFromReference(functionReferenceOrHandler);
      return await byTypeWithPath.queryFromPath(functionPath, args);
    },
    mutation: async (functionReferenceOrHandler, args) => {
      if (typeof functionReferenceOrHandler === "function") {
        return await runMutationWithHandler(
          functionReferenceOrHandler,
          args ?? {},
          /* extraCtx */ {},
          { componentPath: getCurrentComponentPath(), udfPath: "inline" },
          /* isNested */ false,
        );
      }
      const functionPath = getFunctionPathFromReference(functionReferenceOrHandler);
      return await byTypeWithPath.mutationFromPath(functionPath, args);
    },
    action: async (functionReferenceOrHandler, args) => {
      if (typeof functionReferenceOrHandler === "function") {
        return await runActionWithHandler(
          functionReferenceOrHandler,
          args ?? {},
          { componentPath: getCurrentComponentPath(), udfPath: "inline" },
          byTypeWithPath.runQuery,
          byTypeWithPath.runMutation,
          byTypeWithPath.runAction,
        );
      }
      const functionPath = getFunctionPathFromReference(functionReferenceOrHandler);
      return await byTypeWithPath.actionFromPath(functionPath, args);
    },
  };
  const run = async (componentPath, handler) => {
    // Grab StorageActionWriter from action ctx
    const a = actionGeneric({
      handler: async (ctx) => {
        return await runMutationWithHandler(
          handler,
          {},
          {
            storage: ctx.storage,
            // ActionCtx support was added in 0.0.40, removed in 0.0.41, should be added back in the future.
            // runAction: ctx.runAction.bind(ctx),
            // vectorSearch: ctx.vectorSearch.bind(ctx),
          },
          // Fake mutation path.
          {
            componentPath,
            udfPath: "custom",
          },
          false,
        );
      },
    });
    const requestMetadata = requestMetadataForExecution();
    try {
      const rawResult = await requestMetadataStorage.run(requestMetadata, () =>
        a.invokeAction(requestMetadata.requestId, JSON.stringify(convexToJson([{}]))),
      );
      return jsonToConvex(JSON.parse(rawResult));
    } catch (e) {
      throw deserializeConvexErrorData(e);
    }
  };
  return {
    ...byType,
    ...byTypeWithPath,
    runInComponent: run,
    run: async (handler) => {
      return await run(getCurrentComponentPath(), handler);
    },
    fun: async (functionPath, args) => {
      const { func } = await resolveFunction(functionPath, "any");
      if (func.isQuery) {
        return await byTypeWithPath.queryFromPath(functionPath, args);
      }
      if (func.isMutation) {
        return await byTypeWithPath.mutationFromPath(functionPath, args);
      }
      if (func.isAction) {
        return await byTypeWithPath.actionFromPath(functionPath, args);
      }
    },
    fetch: async (path, init) => {
      const router = (await getModules()("http"))["default"];
      // convex-offline: a full Request keeps its URL, method, headers and body.
      const incoming = path instanceof Request ? path : null;
      if (incoming === null && !path.startsWith("/")) {
        throw new Error(`Path given to \`t.fetch\` must start with a \`/\``);
      }
      const url =
        incoming !== null ? new URL(incoming.url) : new URL(`https://some.convex.site${path}`);
      const found = router.lookup(
        url.pathname,
        incoming !== null ? incoming.method : (init?.method ?? "GET"),
      );
      if (!found) {
        return new Response(`No HttpAction routed for ${url.pathname}`, {
          status: 404,
        });
      }
      const [func] = found;
      const a = httpActionGeneric((ctx, a) => {
        const testCtx = {
          ...ctx,
          runQuery: byType.query,
          runMutation: byType.mutation,
          runAction: byType.action,
          auth,
        };
        return runWithGlobalOverrides({}, () => getHandler(func)(testCtx, a));
      });
      const httpCtx = {
        componentPath: getCurrentComponentPath(),
        udfPath: "http",
        udfType: "http",
        depth: 0,
        paginatedQueries: 0,
      };
      // The request's headers are not inspected: like the identity, the IP and
      // the user agent are configured on the test accessor.
      const requestMetadata = requestMetadataForExecution();
      const response = await executionContextStorage.run(httpCtx, () =>
        requestMetadataStorage.run(requestMetadata, () =>
          // convex-offline: the site port passes the incoming Request through (body streamed once).
          a.invokeHttpAction(incoming ?? new Request(url, init)),
        ),
      );
      return response;
    },
    finishInProgressScheduledFunctions: () =>
      getConvexGlobal().scheduler.finishInProgressScheduledFunctions(),
    finishAllScheduledFunctions: async (advanceTimers, maxIterations = 100) => {
      // Wait for all scheduled functions to finish, advancing time in between
      // each function.
      // Stop after a fixed number of iterations to avoid infinite loops.
      const { scheduler } = getConvexGlobal();
      const originalSetTimeout = globalOverridesStorage.exit(() => globalThis.setTimeout);
      const advanceTimersIfActive = () => {
        const currentSetTimeout = globalOverridesStorage.exit(() => globalThis.setTimeout);
        if (currentSetTimeout !== originalSetTimeout) {
          throw new Error(
            "finishAllScheduledFunctions: timers were restored or replaced " +
              "while waiting for scheduled functions.",
          );
        }
        advanceTimers();
      };
      // A function scheduled while real timers were active sits on a real
      // setTimeout that advanceTimers (fake timers) cannot fire. If it has
      // already expired it fires within a few real event loop turns, so
      // yield and re-check before concluding there is nothing left to run.
      // If it still hasn't fired after this many consecutive idle turns,
      // its scheduled time hasn't arrived on the real clock and it can
      // never run during this test, so it is skipped, matching the
      // behavior before the in-memory scheduler existed.
      const maxIdleTurns = 20;
      let idleTurns = 0;
      for (let i = 0; i < maxIterations; i++) {
        advanceTimersIfActive();
        if (!scheduler.anyFunctionsRunning()) {
          if (!scheduler.anyPendingTimers() || idleTurns >= maxIdleTurns) {
            return;
          }
          idleTurns += 1;
          await yieldThroughRealTimers();
          continue;
        }
        idleTurns = 0;
        // Advance timers while waiting for scheduled functions to finish.
        // Stop if teardown restores or replaces the clock.
        let timer;
        try {
          await new Promise((resolve, reject) => {
            const pump = () => {
              try {
                advanceTimersIfActive();
                timer = realSetTimeout(pump, 0);
              } catch (error) {
                // Preserve the value thrown by advanceTimers.
                // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
                reject(error);
              }
            };
            void scheduler.finishInProgressScheduledFunctions().then(resolve, reject);
            pump();
          });
        } finally {
          realClearTimeout(timer);
        }
      }
      throw new Error(
        "finishAllScheduledFunctions: too many iterations. " +
          "Check for infinitely recursive scheduled functions, " +
          "or increase maxIterations.",
      );
    },
  };
}
function parseArgs(args) {
  if (args === undefined) {
    return {};
  }
  if (!isSimpleObject(args)) {
    throw new Error(`The arguments to a Convex function must be an object. Received: ${args}`);
  }
  return args;
}
function validateFunctionArgs(argsValidator, args, functionPath, allowPendingValues) {
  if (!allowPendingValues && hasPendingValues(args)) {
    throw new Error(
      `Invalid arguments for "${functionPath.udfPath}": an unresolved ` +
        `placeholder value can only be passed to a query or mutation ` +
        `called from a mutation`,
    );
  }
  // convex-offline: Convex checks the arguments' size first, then prefixes argument errors so
  // (udf/src/validation.rs); both are the backend's errors about this call.
  checkArgsSize(functionPath.udfPath, resolvePendingValues(args), callDepth());
  try {
    validateValidator(argsValidator, resolvePendingValues(args));
  } catch (e) {
    throw systemError(`ArgumentValidationError: ${e.message}`, callDepth());
  }
}
function validateReturnValue(returnsValidator, result, functionType, functionPath) {
  // convex-offline: Convex's return value size limit, checked whether or not there is a validator.
  checkResultSize(functionPath.udfPath, resolvePendingValues(result), callDepth());
  if (returnsValidator !== null) {
    try {
      validateValidator(returnsValidator, resolvePendingValues(result));
    } catch (e) {
      // convex-offline: Convex's text (model/src/modules/function_validators.rs).
      throw systemError(`ReturnsValidationError: ${e.message}`, callDepth());
    }
  }
}
// convex-offline: the depth of a call about to be made: 0 from outside any function (a client,
// a scheduled job), one more than the calling function's otherwise (see ../systemErrors.ts).
function callDepth() {
  const caller = executionContextStorage.getStore();
  return caller === undefined ? 0 : caller.depth + 1;
}
// convex-offline: runs a function's body under the instance's time limit for its kind. Past the
// limit the call fails with Convex's text and the context is marked, so the body, which Node
// cannot stop, fails at its next syscall or ctx.run* call and never commits (its outcome, when
// it comes, is dropped). A body that never yields (a synchronous loop) blocks the event loop and
// no timer can fire: that is not caught.
async function withTimeLimit(run, udfType, childCtx) {
  const limitMs = convexGlobalStorage.getStore()?.hooks?.timeLimitMs?.(udfType) ?? Infinity;
  if (!Number.isFinite(limitMs)) {
    return await run();
  }
  // The depth of the call itself (the body runs one deeper): see ../systemErrors.ts.
  const depth = childCtx.parent === undefined ? 0 : childCtx.parent.depth + 1;
  // Checked at every syscall too: a loop of database calls resolves in microtasks and never
  // lets the timer below fire.
  childCtx.deadline = { at: performance.now() + limitMs, limitMs, depth };
  const running = run();
  let timer;
  const timedOut = new Promise((_, reject) => {
    timer = realSetTimeout(() => {
      const error = timeLimitError(limitMs, depth);
      childCtx.timedOut = error;
      reject(error);
    }, limitMs);
  });
  // The abandoned body's own failure (at its next syscall) has no one left to report to.
  running.catch(() => {});
  try {
    return await Promise.race([running, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
function refuseIfTimedOut() {
  for (let ctx = executionContextStorage.getStore(); ctx !== undefined; ctx = ctx.parent) {
    if (!ctx.timedOut && ctx.deadline !== undefined && performance.now() >= ctx.deadline.at) {
      ctx.timedOut = timeLimitError(ctx.deadline.limitMs, ctx.deadline.depth);
    }
    if (ctx.timedOut) {
      throw ctx.timedOut;
    }
  }
}
function createFunctionHandle(functionPath) {
  return `function://${functionPath.componentPath};${functionPath.udfPath}`;
}
function parseFunctionHandle(handle) {
  const [componentPath, udfPath] = handle.split("function://")[1].split(";");
  return { componentPath, udfPath };
}
function getFunctionPathFromAddress(functionAddress) {
  if (functionAddress.functionHandle !== undefined) {
    return parseFunctionHandle(functionAddress.functionHandle);
  }
  if (functionAddress.name !== undefined) {
    return {
      udfPath: functionAddress.name,
      componentPath: getCurrentComponentPath(),
    };
  }
  if (functionAddress.reference !== undefined) {
    // "_reference/childComponent/aggregate/path/to/file/functionName" -> "aggregate/path/to/file"
    const childComponentName = functionAddress.reference.split("/")[2];
    let componentPath = childComponentName;
    if (getCurrentComponentPath().length > 0) {
      componentPath = `${getCurrentComponentPath()}/${componentPath}`;
    }
    // "_reference/childComponent/aggregate/path/to/file/functionName" -> "path/to/file/functionName"
    const functionNameWithSlashes = functionAddress.reference.split("/").slice(3).join("/");
    // "path/to/file/functionName" -> "path/to/file:functionName"
    const filepath = functionNameWithSlashes.split("/").slice(0, -1).join("/");
    const functionName = functionNameWithSlashes.split("/").pop();
    return {
      udfPath: `${filepath}:${functionName}`,
      componentPath,
    };
  }
  throw new Error("Function address not supported");
}
function getFunctionPathFromReference(functionReference) {
  return getFunctionPathFromAddress(getFunctionAddress(functionReference));
}
function getHandler(func) {
  return "_handler" in func ? func["_handler"] : func;
}
async function resolveFunction(functionPath, type) {
  // "queries/messages:list" -> ["queries/messages", "list"]
  const [modulePath, maybeExportName] = functionPath.udfPath.split(":");
  const exportName = maybeExportName === undefined ? "default" : maybeExportName;
  const module = await getModulesForComponent(functionPath.componentPath)(modulePath);
  const func = module[exportName];
  if (func === undefined) {
    throw new Error(
      `Expected a Convex function exported from module "${modulePath}" as \`${exportName}\`, but there is no such export.`,
    );
  }
  const handler = getHandler(func);
  if (typeof handler !== "function") {
    throw new Error(
      `Expected a Convex function exported from module "${modulePath}" as \`${exportName}\`, but got: ${func}`,
    );
  }
  switch (type) {
    case "query":
      if (!func.isQuery) {
        throw new Error(
          `Expected a query function, but the function exported from module "${modulePath}" as \`${exportName}\` is not a query.`,
        );
      }
      break;
    case "mutation":
      if (!func.isMutation) {
        throw new Error(
          `Expected a mutation function, but the function exported from module "${modulePath}" as \`${exportName}\` is not a mutation.`,
        );
      }
      break;
    case "action":
      if (!func.isAction) {
        throw new Error(
          `Expected an action function, but the function exported from module "${modulePath}" as \`${exportName}\` is not an action.`,
        );
      }
      break;
    case "any":
      break;
    default:
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw type;
  }
  // convex-offline: validators exported once per function, as Convex reads them once at push
  // time; exporting rebuilds the validator's whole JSON, a hot cost on every call.
  const { args, returns } = exportedValidators(func);
  // The real backend rejects these functions at push time, so surface the same
  // error as soon as the function is resolved.
  if (args.type !== "object" && args.type !== "any") {
    throw new Error(
      `Invalid JSON returned from ${modulePath}.js:${exportName}.exportArgs(): ` +
        `Args validator must be an object or any`,
    );
  }
  return { func, functionPath, handler, returns, args };
}
// convex-offline: per function object, so a code reload (new module objects) exports anew.
const exportedValidatorsCache = new WeakMap();
function exportedValidators(func) {
  let exported = exportedValidatorsCache.get(func);
  if (exported === undefined) {
    exported = { args: JSON.parse(func.exportArgs()), returns: JSON.parse(func.exportReturns()) };
    exportedValidatorsCache.set(func, exported);
  }
  return exported;
}
function simpleHash(string) {
  let hash = 0;
  for (let i = 0; i < string.length; i++) {
    const char = string.charCodeAt(i);
    hash = (hash << 5) - hash + char;
    hash = hash & hash; // Convert to 32bit integer
  }
  return hash;
}

// convex-offline: helpers reused by the indexed store.
export {
  currentTransaction,
  evaluateFilter,
  evaluateFieldPath,
  evaluateQueryValue,
  evaluateSearchFilter,
  evaluateValue,
  validateIndexRangeExpression,
  validateValidator,
  validateFieldNames,
  isValidIdentifier,
  resolveCommittedValues,
  resolvePendingValues,
  tableNameFromId,
  cosineSimilarity,
};
