import type { Id } from "../../_generated/dataModel";

/** Discord accepts a nonce of at most 25 characters. */
export const MAX_NONCE_LENGTH = 25;

/**
 * The create nonce of one delivery row (signal × mapping), stable across retries, restarts and
 * instances, so Discord's `enforce_nonce` returns the first message instead of posting a second one.
 * A new generation (the customer message vanished and must be re-created) gets a new nonce: the old
 * one would make Discord hand back the deleted message.
 */
export function deliveryNonce(
  signalId: Id<"signals">,
  mappingId: Id<"channelMappings">,
  generation: number,
): string {
  const key = `${signalId}:${mappingId}:${generation}`;
  // Two independent 53-bit hashes → ≤ 22 base-36 characters; collisions only matter inside
  // Discord's few-minute dedupe window for one bot, where 2^-106 is nothing.
  return `${cyrb53(key, 0x9e3779b9).toString(36)}${cyrb53(key, 0x85ebca6b).toString(36)}`.slice(
    0,
    MAX_NONCE_LENGTH,
  );
}

/** cyrb53 (public domain): a fast, well-mixed 53-bit string hash. */
export function cyrb53(input: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
