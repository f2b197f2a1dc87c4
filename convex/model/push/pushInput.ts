// Checks what a browser sends when subscribing (endpoint, keys, filters, quiet hours) and returns
// it normalised, or refuses it with every problem named.
import type { Infer } from "convex/values";
import type { vPushFilters } from "../../tables/push";
import { appError } from "../shared/errors";
import { pushEndpointProblem } from "./pushEndpoints";
import { pushEndpointRules } from "./pushEndpointRules";
import { isMinuteOfDay, isValidTimeZone, type QuietHours } from "./pushQuietHours";

export type PushFilters = Infer<typeof vPushFilters>;

export const MAX_ENDPOINT_LENGTH = 1024;
export const MAX_PAIRS = 20;
const PAIR = /^[A-Z0-9]{1,15}(\/[A-Z0-9]{1,10})?$/;
/** Unpadded base64url of a 65-byte uncompressed P-256 point (starts with 0x04 → "B"). */
const P256DH = /^B[A-Za-z0-9_-]{86}$/;
/** Unpadded base64url of the 16-byte auth secret. */
const AUTH = /^[A-Za-z0-9_-]{22}$/;

function endpointProblem(endpoint: string): string | null {
  if (endpoint.length > MAX_ENDPOINT_LENGTH) return "endpoint is too long";
  return pushEndpointProblem(endpoint, pushEndpointRules());
}

export function normalisePairs(pairs: readonly string[]): string[] {
  return [...new Set(pairs.map((pair) => pair.trim().toUpperCase()).filter((p) => p !== ""))];
}

export function checkSubscriptionInput(input: {
  endpoint: string;
  p256dh: string;
  auth: string;
  filters: PushFilters;
  quietHours?: QuietHours;
  accessibleTiers: ReadonlySet<string>;
}): { filters: PushFilters } {
  const problems: string[] = [];
  const endpoint = endpointProblem(input.endpoint);
  if (endpoint !== null) problems.push(endpoint);
  if (!P256DH.test(input.p256dh)) problems.push("keys.p256dh is not a P-256 public key");
  if (!AUTH.test(input.auth)) problems.push("keys.auth is not a 16-byte secret");
  const filters = checkFilters(input.filters, input.accessibleTiers, problems);
  checkQuietHours(input.quietHours, problems);
  if (problems.length > 0) {
    throw appError("BAD_REQUEST", `${problems.join("; ")}.`);
  }
  return { filters };
}

export function checkSettingsInput(input: {
  filters: PushFilters;
  quietHours?: QuietHours;
  accessibleTiers: ReadonlySet<string>;
}): { filters: PushFilters } {
  const problems: string[] = [];
  const filters = checkFilters(input.filters, input.accessibleTiers, problems);
  checkQuietHours(input.quietHours, problems);
  if (problems.length > 0) {
    throw appError("BAD_REQUEST", `${problems.join("; ")}.`);
  }
  return { filters };
}

function checkFilters(
  filters: PushFilters,
  accessibleTiers: ReadonlySet<string>,
  problems: string[],
): PushFilters {
  const pairs = normalisePairs(filters.pairs);
  if (pairs.length > MAX_PAIRS) problems.push(`at most ${MAX_PAIRS} pairs`);
  const badPair = pairs.find((pair) => !PAIR.test(pair));
  if (badPair !== undefined) problems.push(`"${badPair.slice(0, 20)}" is not a pair like BTC/USDT`);
  const tierKeys = [...new Set(filters.tierKeys)];
  const foreign = tierKeys.filter((tier) => !accessibleTiers.has(tier));
  if (foreign.length > 0) problems.push("pick only tiers your membership includes");
  return { tierKeys, pairs, sides: [...new Set(filters.sides)] };
}

function checkQuietHours(quietHours: QuietHours | undefined, problems: string[]): void {
  if (quietHours === undefined) return;
  if (!isMinuteOfDay(quietHours.start) || !isMinuteOfDay(quietHours.end)) {
    problems.push("quiet hours must be times of day");
  } else if (quietHours.start === quietHours.end) {
    problems.push("quiet hours must start and end at different times");
  }
  if (!isValidTimeZone(quietHours.timeZone)) problems.push("quiet hours need a valid time zone");
}
