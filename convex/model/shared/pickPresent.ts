/**
 * The named fields of `row` that are present: an absent optional field stays absent. For public
 * queries that return a document's visible fields under a `returns` validator picked from the table.
 */
export function pickPresent<T extends object, K extends keyof T>(
  row: T,
  keys: readonly K[],
): Pick<T, K> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (row[key] !== undefined) picked[key] = row[key];
  return picked as Pick<T, K>;
}
