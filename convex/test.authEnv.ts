// A test deployment Convex Auth runs on, and its dev mailbox (not a Convex module: two dots keep
// it out of the API).
import type { TestConvex as ConvexTest } from "convex-test";
import { vi } from "vitest";
import { internal } from "./_generated/api";
import type schema from "./schema";

type TestConvex = ConvexTest<typeof schema>;

/** RS256 keys in the format Convex Auth reads (as its key generator writes them). */
async function authKeys() {
  const pair = await crypto.subtle.generateKey(
    {
      name: "RSASSA-PKCS1-v1_5",
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: "SHA-256",
    },
    true,
    ["sign", "verify"],
  );
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey));
  const base64 = btoa(String.fromCharCode(...pkcs8));
  const pem = `-----BEGIN PRIVATE KEY----- ${base64.match(/.{1,64}/g)?.join(" ")} -----END PRIVATE KEY-----`;
  const jwk = await crypto.subtle.exportKey("jwk", pair.publicKey);
  return {
    pem,
    jwks: JSON.stringify({ keys: [{ use: "sig", kty: jwk.kty, n: jwk.n, e: jwk.e }] }),
  };
}

/** Fresh signing keys and the env Convex Auth's Password flow needs, with the dev mailbox. */
export async function stubAuthEnv(): Promise<void> {
  const { pem, jwks } = await authKeys();
  vi.stubEnv("JWT_PRIVATE_KEY", pem);
  vi.stubEnv("JWKS", jwks);
  // A loopback deployment, as the offline backend sets it: the dev mailbox exists only there.
  vi.stubEnv("CONVEX_CLOUD_URL", "http://127.0.0.1:3210");
  vi.stubEnv("CONVEX_SITE_URL", "http://127.0.0.1:3211");
  vi.stubEnv("SITE_URL", "http://127.0.0.1:3000");
  vi.stubEnv("EMAIL_PROVIDER", "dev");
}

/** The code in the newest dev-mailbox message to `to` that has one; throws when none was mailed. */
export async function latestCode(t: TestConvex, to: string): Promise<string> {
  const code = await t.query(internal.devMailbox.latestCodeFor, { to });
  if (code === null) throw new Error(`no code mailed to ${to}`);
  return code;
}
