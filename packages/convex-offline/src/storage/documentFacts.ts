// A stored document never changes in place: every insert, patch and replace stores a new object.
// So what the engine derives from a document on each read — its size (for Convex's read limits)
// and its JSON (for the syscall answer) — is computed once per document version and remembered
// with the object, not recomputed by every query that reads it.
import { type Value, convexToJson, getDocumentSize } from "convex/values";

type Doc = Record<string, Value>;

const sizes = new WeakMap<object, number>();
const jsons = new WeakMap<object, string>();

/** `getDocumentSize(doc)`, remembered for this document object. */
export function documentSize(doc: Doc): number {
  let size = sizes.get(doc);
  if (size === undefined) {
    size = getDocumentSize(doc);
    sizes.set(doc, size);
  }
  return size;
}

/** `JSON.stringify(convexToJson(doc))`, remembered for this document object. */
export function documentJson(doc: Doc): string {
  let json = jsons.get(doc);
  if (json === undefined) {
    json = JSON.stringify(convexToJson(doc));
    jsons.set(doc, json);
  }
  return json;
}
