// Helpers for the Convex Auth tests (not a Convex module: two dots keep it out of the API).
import type { TestConvex as ConvexTest } from "convex-test";
import { expect, vi } from "vitest";
import { api, internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type schema from "./schema";

type TestConvex = ConvexTest<typeof schema>;

export const PASSWORD = "correct horse battery";

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

/** One call of the signIn action with the password provider. */
export function passwordSignIn(t: TestConvex, params: Record<string, string>) {
  return t.action(api.auth.signIn, { provider: "password", params });
}

/** How a failing call failed (its message), or "answered" when it did not fail. */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "answered";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Signs up and verifies `email`; returns the session tokens the verification issued. */
export async function signUpAndVerify(t: TestConvex, email: string, password = PASSWORD) {
  const started = await passwordSignIn(t, { flow: "signUp", email, password });
  expect(started.tokens).toBeNull();
  const verified = await passwordSignIn(t, {
    flow: "email-verification",
    email,
    code: await latestCode(t, email),
  });
  expect(verified.tokens?.token).toBeTypeOf("string");
  return verified.tokens;
}

/** Every mail the dev mailbox holds for `to`. */
export async function mailsTo(t: TestConvex, to: string) {
  return t.run((ctx) =>
    ctx.db
      .query("devMailbox")
      .withIndex("by_to", (q) => q.eq("to", to))
      .take(100),
  );
}

/** The user and session a Convex Auth access token (JWT) names in its subject. */
export function tokenSubject(token: string): { userId: Id<"users">; sessionId: string } {
  const payload = token.split(".")[1] ?? "";
  const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as {
    sub: string;
  };
  const [userId, sessionId] = claims.sub.split("|");
  return { userId: userId as Id<"users">, sessionId: sessionId ?? "" };
}

/** The decoded claims of a JWT (exp and iat in seconds). */
export function tokenClaims(token: string): { exp: number; iat: number } {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as {
    exp: number;
    iat: number;
  };
}
