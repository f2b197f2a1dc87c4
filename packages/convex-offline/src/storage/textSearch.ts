// Full-text search as Convex ranks it (convex-backend crates/search: constants.rs, lib.rs,
// aggregation.rs): the convex_en analyzer (split on non-alphanumerics, drop terms of 32+ bytes,
// lowercase), at most 16 query terms, every term but the last matched exactly and the last as a
// prefix (a prefix-only match counts half), documents matching any term scored by BM25 over the
// search field (k1 = 1.2, b = 0.75, as tantivy), ties broken newest first, at most 1,024 results.
import { type Value, compareValues } from "convex/values";
import {
  type Doc,
  type SearchFilter,
  evaluateFieldPath,
  evaluateQueryValue,
} from "../engine/vendor/convexTest.js";

export const MAX_QUERY_TERMS = 16;
export const MAX_TEXT_TERM_LENGTH = 32;
export const MAX_SEARCH_RESULTS = 1024;
const MAX_PREFIX_MATCHES_PER_QUERY_TERM = 16;
const K1 = 1.2;
const B = 0.75;

const encoder = new TextEncoder();

/** Convex's convex_en analyzer. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(/[\p{Alphabetic}\p{Nd}]+/gu)) {
    const token = match[0];
    if (encoder.encode(token).length >= MAX_TEXT_TERM_LENGTH) continue;
    tokens.push(token.toLowerCase());
  }
  return tokens;
}

export type TextQuery = {
  readonly searchField: string;
  /** Analyzed query terms; the last one also matches as a prefix. */
  readonly terms: readonly string[];
  readonly filters: readonly { readonly fieldPath: string; readonly value: Value }[];
};

export function parseTextQuery(filters: readonly SearchFilter[]): TextQuery {
  const search = filters.find((filter) => filter.type === "Search");
  if (search === undefined) throw new Error("A search query needs a q.search(field, text) filter.");
  return {
    searchField: search.fieldPath,
    terms: tokenize(String(search.value)).slice(0, MAX_QUERY_TERMS),
    filters: filters
      .filter((filter) => filter.type === "Eq")
      .map((filter) => ({
        fieldPath: filter.fieldPath,
        value: evaluateQueryValue(filter.value as never) as Value,
      })),
  };
}

export function matchesFilters(query: TextQuery, doc: Doc): boolean {
  return query.filters.every(
    (filter) =>
      compareValues(evaluateFieldPath(filter.fieldPath, doc) as Value, filter.value) === 0,
  );
}

function fieldTokens(query: TextQuery, doc: Doc): string[] | null {
  const text = evaluateFieldPath(query.searchField, doc);
  return typeof text === "string" ? tokenize(text) : null;
}

/** Whether a document's search field holds any of the query's terms (the last as a prefix). */
export function mentionsQueryTerms(query: TextQuery, doc: Doc): boolean {
  const tokens = fieldTokens(query, doc);
  if (tokens === null || query.terms.length === 0) return false;
  const last = query.terms[query.terms.length - 1] ?? "";
  return tokens.some((token) => query.terms.includes(token) || token.startsWith(last));
}

type Indexed = { doc: Doc; length: number; frequencies: Map<string, number> };

/** The ranked matches among docs (every document of the table, staged writes included). */
export function rankTextSearch(query: TextQuery, docs: Iterable<Doc>): Doc[] {
  if (query.terms.length === 0) return [];
  // Corpus statistics cover every document with the field, as the index's do.
  const indexed: Indexed[] = [];
  let totalLength = 0;
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    const tokens = fieldTokens(query, doc);
    if (tokens === null) continue;
    const frequencies = new Map<string, number>();
    for (const token of tokens) frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
    for (const token of frequencies.keys()) {
      documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
    }
    indexed.push({ doc, length: tokens.length, frequencies });
    totalLength += tokens.length;
  }
  if (indexed.length === 0) return [];

  // Which index terms the query matches, with their boost (exact 1, prefix-only ½).
  const boosts = new Map<string, number>();
  const last = query.terms[query.terms.length - 1] ?? "";
  for (const term of query.terms) if (documentFrequency.has(term)) boosts.set(term, 1);
  const prefixed = [...documentFrequency.keys()]
    .filter((term) => term !== last && term.startsWith(last) && !boosts.has(term))
    .sort()
    .slice(0, MAX_PREFIX_MATCHES_PER_QUERY_TERM);
  for (const term of prefixed) boosts.set(term, 0.5);
  if (boosts.size === 0) return [];

  const count = indexed.length;
  const averageLength = totalLength / count;
  const idf = (term: string): number => {
    const n = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (count - n + 0.5) / (n + 0.5));
  };
  const scored: { doc: Doc; score: number }[] = [];
  for (const entry of indexed) {
    if (!matchesFilters(query, entry.doc)) continue;
    let score = 0;
    for (const [term, boost] of boosts) {
      const tf = entry.frequencies.get(term) ?? 0;
      if (tf === 0) continue;
      const norm = K1 * (1 - B + (B * entry.length) / averageLength);
      score += boost * idf(term) * ((tf * (K1 + 1)) / (tf + norm));
    }
    if (score > 0) scored.push({ doc: entry.doc, score });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.doc._creationTime - a.doc._creationTime ||
      (a.doc._id < b.doc._id ? 1 : a.doc._id > b.doc._id ? -1 : 0),
  );
  return scored.slice(0, MAX_SEARCH_RESULTS).map((entry) => entry.doc);
}
