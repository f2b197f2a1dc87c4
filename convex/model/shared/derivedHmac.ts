import { requireEnv } from "./env";

/**
 * HMAC-SHA256 (hex) under a key derived from Convex Auth's signing key (every deployment with
 * sign-in has it): SHA-256 over a purpose label and the key, so what is signed for one purpose
 * (live passes, attachment links) can never be replayed as another, and rotating the auth key
 * rotates them all. Nothing signed here is a session: these are short-lived capabilities.
 */
export function derivedHmacHex(purpose: string, message: string): Promise<string> {
  const secret = requireEnv("JWT_PRIVATE_KEY");
  if (secret !== signedUnder) {
    signed.clear();
    signedUnder = secret;
  }
  const memoKey = `${purpose}\n${message}`;
  let mac = signed.get(memoKey);
  if (mac === undefined) {
    if (signed.size >= MAX_REMEMBERED_MACS) signed.clear();
    mac = hmacHex(purpose, message);
    signed.set(memoKey, mac);
    mac.catch(() => signed.delete(memoKey));
  }
  return mac;
}

/**
 * MACs already computed, while the secret is unchanged. The live feed's every re-run checks the
 * tier's pass and signs each card's attachment links — the same few messages for a whole pass
 * window — and Web Crypto's sign is a round trip through a worker thread each time.
 */
const signed = new Map<string, Promise<string>>();
let signedUnder: string | null = null;
const MAX_REMEMBERED_MACS = 1024;

async function hmacHex(purpose: string, message: string): Promise<string> {
  const mac = await crypto.subtle.sign(
    "HMAC",
    await keyFor(purpose),
    new TextEncoder().encode(message),
  );
  return [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Imported keys per purpose, kept while the secret is unchanged (every live re-run signs). */
const cachedKeys = new Map<string, { secret: string; key: Promise<CryptoKey> }>();

function keyFor(purpose: string): Promise<CryptoKey> {
  const secret = requireEnv("JWT_PRIVATE_KEY");
  const cached = cachedKeys.get(purpose);
  if (cached?.secret === secret) return cached.key;
  const key = crypto.subtle
    .digest("SHA-256", new TextEncoder().encode(`${purpose}\n${secret}`))
    .then((bytes) =>
      crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
    );
  cachedKeys.set(purpose, { secret, key });
  return key;
}
