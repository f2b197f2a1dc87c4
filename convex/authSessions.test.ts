import { beforeEach, describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { ACCESS_TOKEN_MS } from "./auth";
import {
  outcome,
  PASSWORD,
  passwordSignIn,
  signUpAndVerify,
  tokenClaims,
  tokenSubject,
} from "./test.auth";
import { latestCode, stubAuthEnv } from "./test.authEnv";
import { newConvexTest, type TestConvex } from "./test.setup";

beforeEach(stubAuthEnv);

const EMAIL = "sessions@example.com";

type T = TestConvex;

async function sessionsOf(t: T, userId: Id<"users">) {
  return t.run((ctx) =>
    ctx.db
      .query("authSessions")
      .withIndex("userId", (q) => q.eq("userId", userId))
      .take(20),
  );
}

async function refreshTokenCount(t: T) {
  return t.run(async (ctx) => (await ctx.db.query("authRefreshTokens").take(50)).length);
}

// Finding 7: after a password reset the old access token kept working for its 3,600 s.
describe("ending sessions", { timeout: 60_000 }, () => {
  test("access tokens live at most five minutes, the bound on a token outliving its session", async () => {
    const t = newConvexTest();
    const tokens = await signUpAndVerify(t, EMAIL);
    const { exp, iat } = tokenClaims(tokens?.token ?? "");
    expect((exp - iat) * 1000).toBeLessThanOrEqual(ACCESS_TOKEN_MS);
    expect(ACCESS_TOKEN_MS).toBeLessThanOrEqual(5 * 60 * 1000);
  });

  test("a password reset ends every other session: its refresh token no longer renews it", async () => {
    const t = newConvexTest();
    const old = await signUpAndVerify(t, EMAIL);
    const { userId } = tokenSubject(old?.token ?? "");
    await passwordSignIn(t, { flow: "reset", email: EMAIL });
    const reset = await passwordSignIn(t, {
      flow: "reset-verification",
      email: EMAIL,
      code: await latestCode(t, EMAIL),
      newPassword: "a brand new passphrase",
    });
    const sessions = await sessionsOf(t, userId);
    expect(sessions.map((session) => session._id)).toEqual([
      tokenSubject(reset.tokens?.token ?? "").sessionId,
    ]);
    const renewed = await t.action(api.auth.signIn, { refreshToken: old?.refreshToken ?? "" });
    expect(renewed.tokens ?? null).toBeNull();
  });

  test("sign out everywhere deletes every session and refresh token of the caller only", async () => {
    const t = newConvexTest();
    const first = await signUpAndVerify(t, EMAIL);
    await passwordSignIn(t, { flow: "signIn", email: EMAIL, password: PASSWORD });
    await passwordSignIn(t, { flow: "signIn", email: EMAIL, password: PASSWORD });
    const other = await signUpAndVerify(t, "other@example.com");
    const { userId, sessionId } = tokenSubject(first?.token ?? "");
    expect(await sessionsOf(t, userId)).toHaveLength(3);

    await t
      .withIdentity({ subject: `${userId}|${sessionId}` })
      .mutation(api.users.signOutEverywhere, {});

    expect(await sessionsOf(t, userId)).toEqual([]);
    expect(await refreshTokenCount(t)).toBe(1); // the other user's
    const renewed = await t.action(api.auth.signIn, { refreshToken: first?.refreshToken ?? "" });
    expect(renewed.tokens ?? null).toBeNull();
    const otherUser = tokenSubject(other?.token ?? "").userId;
    expect(await sessionsOf(t, otherUser)).toHaveLength(1);
  });

  test("a token whose session ended identifies nobody, at once (not only when it expires)", async () => {
    const t = newConvexTest();
    const stolen = await signUpAndVerify(t, EMAIL);
    const { userId, sessionId } = tokenSubject(stolen?.token ?? "");
    const thief = t.withIdentity({ subject: `${userId}|${sessionId}` });
    expect((await thief.query(api.users.viewer, {}))?.email).toBe(EMAIL);

    const owner = tokenSubject(
      (await passwordSignIn(t, { flow: "signIn", email: EMAIL, password: PASSWORD })).tokens
        ?.token ?? "",
    );
    await t
      .withIdentity({ subject: `${owner.userId}|${owner.sessionId}` })
      .mutation(api.users.signOutEverywhere, {});

    expect(await thief.query(api.users.viewer, {})).toBeNull();
    expect(await thief.query(api.entitlements.mine, {})).toBeNull();
    expect(await outcome(thief.mutation(api.users.signOutEverywhere, {}))).toMatch(/Sign in/);
  });

  test("sign out everywhere needs a signed-in caller", async () => {
    const t = newConvexTest();
    expect(await outcome(t.mutation(api.users.signOutEverywhere, {}))).toMatch(/Sign in/);
  });
});
