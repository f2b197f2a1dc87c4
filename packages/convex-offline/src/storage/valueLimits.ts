// Convex's limits on one stored document (common/src/document.rs): at most 1 MiB by Convex's
// size measure (convex/values' getDocumentSize mirrors it) and at most 16 levels of nesting.
import { type Value, getDocumentSize } from "convex/values";

const MAX_USER_SIZE = 1 << 20;
const MAX_DOCUMENT_NESTING = 16;

/** humansize's BINARY format, as Convex prints sizes: "1.05 MiB", "1 MiB", "900 KiB". */
export function binarySize(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number(value.toFixed(2))} ${units[unit]}`;
}

/** Primitives are 0 deep, an array or object one more than its deepest element. */
function nesting(value: Value): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(nesting));
  if (value !== null && typeof value === "object" && !(value instanceof ArrayBuffer)) {
    return 1 + Math.max(0, ...Object.values(value).map((v) => nesting(v as Value)));
  }
  return 0;
}

/** Throws Convex's error when a document to be written is too large or too deeply nested. */
export function checkDocumentLimits(doc: Record<string, Value>): void {
  const size = getDocumentSize(doc);
  if (size > MAX_USER_SIZE) {
    throw new Error(
      `Value is too large (${binarySize(size)} > maximum size ${binarySize(MAX_USER_SIZE)})`,
    );
  }
  const depth = nesting(doc);
  if (depth > MAX_DOCUMENT_NESTING) {
    throw new Error(
      `Document is too nested (nested ${depth} levels deep > maximum nesting ${MAX_DOCUMENT_NESTING})`,
    );
  }
}
