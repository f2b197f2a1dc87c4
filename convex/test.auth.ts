// Helpers for the Convex Auth tests (not a Convex module: two dots keep it out of the API).
import type { TestConvex as ConvexTest } from "convex-test";
import { expect } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type schema from "./schema";
import { latestCode } from "./test.authEnv";

type TestConvex = ConvexTest<typeof schema>;

export const PASSWORD = "correct horse battery";

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
