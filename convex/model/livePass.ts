import { v, type Infer } from "convex/values";
import { constantTimeEqual } from "./constantTime";
import { requireEnv } from "./env";

/**
 * A live pass lets a client subscribe to one tier's live feed without the query reading who
 * the client is: every reader of a tier holds the same pass in the same window, so the backend
 * evaluates the live feed once per tier and change instead of once per viewer. It is issued by
 * an authenticated mutation that runs the access gate (`feed.livePass`) and is valid for the
 * rest of the window it was issued in plus one more, so a revoked member keeps live content
 * for at most two windows; their own `feed.access` subscription locks an honest client at once.
 */
export const LIVE_PASS_WINDOW_MS = 60_000;

export const vLivePass = v.object({
  tierKey: v.string(),
  expiresAt: v.number(),
  signature: v.string(),
});

export type LivePass = Infer<typeof vLivePass>;

/** When a pass issued at `now` expires: the end of the next window (same for every issuer). */
export function livePassExpiry(now: number): number {
  return (Math.floor(now / LIVE_PASS_WINDOW_MS) + 2) * LIVE_PASS_WINDOW_MS;
}

export async function issueLivePass(tierKey: string, now: number): Promise<LivePass> {
  const expiresAt = livePassExpiry(now);
  return { tierKey, expiresAt, signature: await sign(tierKey, expiresAt) };
}

export type LivePassCheck = "valid" | "expired" | "invalid";

/** Checks a pass's signature (constant time) and expiry; never reads the caller's identity. */
export async function checkLivePass(pass: LivePass, now: number): Promise<LivePassCheck> {
  const expected = await sign(pass.tierKey, pass.expiresAt);
  if (!constantTimeEqual(expected, pass.signature)) return "invalid";
  return now < pass.expiresAt ? "valid" : "expired";
}

async function sign(tierKey: string, expiresAt: number): Promise<string> {
  const mac = await crypto.subtle.sign(
    "HMAC",
    await passKey(),
    new TextEncoder().encode(`live-pass/v1\n${tierKey}\n${expiresAt}`),
  );
  return [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The imported key, kept while the secret is unchanged (every live re-run checks a pass). */
let cachedKey: { secret: string; key: Promise<CryptoKey> } | null = null;

/**
 * The HMAC key is derived from Convex Auth's signing key (every deployment with sign-in has
 * it): SHA-256 over a purpose label and the key, so passes can't be confused with anything
 * else signed from it, and rotating the auth key rotates passes too.
 */
function passKey(): Promise<CryptoKey> {
  const secret = requireEnv("JWT_PRIVATE_KEY");
  if (cachedKey?.secret !== secret) {
    const key = crypto.subtle
      .digest("SHA-256", new TextEncoder().encode(`g3 live feed pass key\n${secret}`))
      .then((bytes) =>
        crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
      );
    cachedKey = { secret, key };
  }
  return cachedKey.key;
}
