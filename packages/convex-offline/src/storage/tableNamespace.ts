// Components keep their tables in a namespace of their own, as Convex does: two components (or
// a component and the app) may each have a table "rateLimits" without sharing a row. In the one
// shared store a component's table is keyed "<component path>~<table>" ("/" of a nested path
// written as "~" too), and its document IDs end in that key. "~" appears in no identifier, so
// the table name is always the part after the last "~" and the app's own keys stay unchanged.
const SEPARATOR = "~";

/** The store's key for a table of the app ("") or of a component ("rateLimiter", "a/b"). */
export function storeTable(componentPath: string, table: string): string {
  if (componentPath === "") return table;
  return `${componentPath.split("/").join(SEPARATOR)}${SEPARATOR}${table}`;
}

/** The store key a document ID names (everything after its counter), or null if not an ID. */
export function storeTableFromId(id: string): string | null {
  const counter = /^[0-9]+/.exec(id);
  if (counter === null || counter[0].length === id.length) return null;
  return id.slice(counter[0].length);
}

/** The component path whose namespace a store key belongs to ("" for the app). */
export function componentOfStoreTable(key: string): string {
  const last = key.lastIndexOf(SEPARATOR);
  return last < 0 ? "" : key.slice(0, last).split(SEPARATOR).join("/");
}
