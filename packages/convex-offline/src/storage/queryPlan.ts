// Turns a serialized query source into an index and a key range.
import {
  type QuerySource,
  type RangeExpression,
  evaluateQueryValue,
  validateIndexRangeExpression,
} from "../engine/vendor/convexTest.js";
import { type DocumentStore } from "./documentStore.js";
import { AFTER_PREFIX, encodeValue } from "./keyEncoding.js";

export type IndexPlan = {
  readonly table: string;
  readonly indexName: string;
  readonly fields: readonly string[];
  readonly lower: string | null;
  readonly upper: string | null;
  readonly order: "asc" | "desc";
};

function bounds(range: readonly RangeExpression[]): { lower: string | null; upper: string | null } {
  let prefix = "";
  let lower: string | null = null;
  let upper: string | null = null;
  for (const expression of range) {
    const encoded = encodeValue(evaluateQueryValue(expression.value));
    switch (expression.type) {
      case "Eq":
        prefix += encoded;
        break;
      case "Gt":
        lower = prefix + encoded + AFTER_PREFIX;
        break;
      case "Gte":
        lower = prefix + encoded;
        break;
      case "Lt":
        upper = prefix + encoded;
        break;
      case "Lte":
        upper = prefix + encoded + AFTER_PREFIX;
        break;
    }
  }
  if (prefix !== "") {
    lower ??= prefix;
    upper ??= prefix + AFTER_PREFIX;
  }
  return { lower, upper };
}

/** The index plan of a FullTableScan or IndexRange source. */
export function planIndexRead(store: DocumentStore, source: QuerySource): IndexPlan {
  if (source.type === "FullTableScan") {
    return {
      table: source.tableName,
      indexName: "by_creation_time",
      fields: ["_creationTime", "_id"],
      lower: null,
      upper: null,
      order: source.order ?? "asc",
    };
  }
  if (source.type === "Search") {
    throw new Error("planIndexRead: search sources have no index plan");
  }
  const [table = "", indexName = ""] = source.indexName.split(".");
  const fields = store.indexFields(table, indexName);
  if (fields === null) {
    throw new Error(
      `Cannot use index "${indexName}" for table "${table}" because it is not declared in the schema.`,
    );
  }
  validateIndexRangeExpression(source, [...fields]);
  return { table, indexName, fields, ...bounds(source.range), order: source.order ?? "asc" };
}
