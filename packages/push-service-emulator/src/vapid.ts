// RFC 8292 (VAPID) as a push service checks it: `Authorization: vapid t=<JWT>, k=<public key>`,
// an ES256 JWT signed by the application server's key, for this push service's origin, expiring
// within 24 hours.
import { createPublicKey, verify } from "node:crypto";
import { z } from "zod";
import { fromBase64Url } from "./base64url";

const MAX_LIFETIME_SECONDS = 24 * 60 * 60;

const ZHeader = z.object({ alg: z.literal("ES256"), typ: z.string().optional() });
const ZClaims = z.object({
  aud: z.string(),
  exp: z.number().int(),
  sub: z
    .string()
    .regex(/^(mailto:|https:)/, "sub must be a mailto: or https: URI")
    .optional(),
});

export type VapidClaims = z.infer<typeof ZClaims>;
export type VapidResult =
  { ok: true; publicKey: string; claims: VapidClaims } | { ok: false; reason: string };

/** Splits `vapid t=…, k=…` into its parameters (order free, whitespace tolerated). */
function parseAuthorization(header: string): { token: string; key: string } | null {
  const match = /^vapid\s+(.*)$/i.exec(header.trim());
  if (match?.[1] === undefined) return null;
  const params = new Map<string, string>();
  for (const part of match[1].split(",")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== undefined && rest.length > 0) params.set(name.toLowerCase(), rest.join("="));
  }
  const token = params.get("t");
  const key = params.get("k");
  return token === undefined || key === undefined ? null : { token, key };
}

function publicKeyFromRaw(raw: Buffer) {
  if (raw.length !== 65 || raw[0] !== 0x04) throw new Error("k is not an uncompressed P-256 key");
  return createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: raw.subarray(1, 33).toString("base64url"),
      y: raw.subarray(33, 65).toString("base64url"),
    },
    format: "jwk",
  });
}

function parseJson(segment: string): unknown {
  return JSON.parse(fromBase64Url(segment).toString("utf8")) as unknown;
}

/** Verifies the header for a push to `origin` (scheme://host:port of the endpoint) at `nowMs`. */
export function verifyVapid(
  authorization: string | undefined,
  origin: string,
  nowMs: number,
): VapidResult {
  if (authorization === undefined) return { ok: false, reason: "no Authorization header" };
  const parsed = parseAuthorization(authorization);
  if (parsed === null) return { ok: false, reason: "Authorization is not `vapid t=…, k=…`" };
  const segments = parsed.token.split(".");
  if (segments.length !== 3) return { ok: false, reason: "t is not a JWS compact token" };
  const [headerPart, claimsPart, signaturePart] = segments as [string, string, string];
  try {
    const header = ZHeader.safeParse(parseJson(headerPart));
    if (!header.success) return { ok: false, reason: "JWT header must say alg ES256" };
    const claims = ZClaims.safeParse(parseJson(claimsPart));
    if (!claims.success)
      return { ok: false, reason: `bad JWT claims: ${claims.error.issues[0]?.message ?? ""}` };
    const signature = fromBase64Url(signaturePart);
    // JWS ES256 signatures are r || s (64 bytes), not DER.
    const valid = verify(
      "sha256",
      Buffer.from(`${headerPart}.${claimsPart}`),
      { key: publicKeyFromRaw(fromBase64Url(parsed.key)), dsaEncoding: "ieee-p1363" },
      signature,
    );
    if (!valid) return { ok: false, reason: "JWT signature does not verify against k" };
    const now = Math.floor(nowMs / 1000);
    if (claims.data.aud !== origin) return { ok: false, reason: `aud must be ${origin}` };
    if (claims.data.exp <= now) return { ok: false, reason: "JWT expired" };
    if (claims.data.exp > now + MAX_LIFETIME_SECONDS) {
      return { ok: false, reason: "exp is more than 24 hours ahead" };
    }
    return { ok: true, publicKey: parsed.key, claims: claims.data };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : "malformed token" };
  }
}
