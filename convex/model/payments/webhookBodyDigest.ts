/**
 * The bounded record kept of an unverified webhook body: a fixed-size excerpt, the length and a
 * SHA-256. Whoever can reach the endpoint chooses these bytes, so the whole body is never stored.
 */

/** Bytes of an unverified body kept for a human to recognise it (a JSON event's opening). */
export const UNVERIFIED_EXCERPT_BYTES = 512;

export type BodyDigest = { bodyExcerpt: string; bodySha256: string };

/** Excerpt (first UNVERIFIED_EXCERPT_BYTES, decoded leniently) and SHA-256 hex of `bytes`. */
export async function digestUnverifiedBody(bytes: Uint8Array<ArrayBuffer>): Promise<BodyDigest> {
  const excerpt = new TextDecoder().decode(bytes.subarray(0, UNVERIFIED_EXCERPT_BYTES));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return { bodyExcerpt: excerpt, bodySha256: hex };
}
