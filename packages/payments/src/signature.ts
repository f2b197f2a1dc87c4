/**
 * Sell.app signs each store webhook with HMAC-SHA256 over the raw request body, keyed by the
 * store-wide signing secret, and sends the lowercase hex digest in the `signature` header.
 * Web Crypto only (`crypto.subtle`), so this runs in the Convex runtime, Node 20 and browsers.
 */

export type SignatureVerdict = "valid" | "invalid" | "missing";

/** The header Sell.app puts the signature in (header names are case-insensitive). */
export const SELLAPP_SIGNATURE_HEADER = "signature";

const encoder = new TextEncoder();

function toBytes(body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof body === "string") return encoder.encode(body);
  const copy = new Uint8Array(body.byteLength);
  copy.set(body);
  return copy;
}

function toHex(buffer: ArrayBuffer): string {
  let hex = "";
  for (const byte of new Uint8Array(buffer)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** Lowercase hex HMAC-SHA256 of the raw body: what Sell.app sends in the `signature` header. */
export async function signSellappBody(
  rawBody: string | Uint8Array,
  secret: string,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return toHex(await crypto.subtle.sign("HMAC", key, toBytes(rawBody)));
}

/**
 * Compares two strings in time that depends only on their lengths (length-checked loop, no early
 * exit on the first differing character).
 */
export function timingSafeEqualStrings(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  let diff = left.length ^ right.length;
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) diff |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return diff === 0;
}

/**
 * Verifies a delivery against one secret, or several during a rotation window
 * (`[current, previous]`): valid if any secret matches. Every secret is checked (no early exit), so
 * timing does not reveal which one matched. Empty secrets are ignored; with no usable secret at all
 * this throws, because "no secret configured" is a server error, not a bad request.
 */
export async function verifySellappSignature(
  rawBody: string | Uint8Array,
  header: string | null,
  secret: string | readonly string[],
): Promise<SignatureVerdict> {
  const secrets = (typeof secret === "string" ? [secret] : secret).filter((s) => s.length > 0);
  if (secrets.length === 0) {
    throw new Error("verifySellappSignature: no signing secret configured");
  }
  const provided = header?.trim().toLowerCase() ?? "";
  if (provided.length === 0) return "missing";
  let matched = false;
  for (const candidate of secrets) {
    const expected = await signSellappBody(rawBody, candidate);
    if (timingSafeEqualStrings(provided, expected)) matched = true;
  }
  return matched ? "valid" : "invalid";
}
