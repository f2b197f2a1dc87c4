import { beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import { pkceChallenge, sha256Hex } from "./model/discord/discordLinkCrypto";
import { grantAccess, linkDiscord, ROLE, setupMirror, type Setup } from "./test.mirror";

beforeEach(() => {
  vi.stubEnv("DISCORD_API_URL", "http://127.0.0.1:9/api");
  vi.stubEnv("DISCORD_CLIENT_ID", "1200000000000000001");
  vi.stubEnv("DISCORD_CLIENT_SECRET", "client-secret");
  vi.stubEnv("DISCORD_REDIRECT_URI", "http://127.0.0.1:3000/api/discord/callback");
});

const DISCORD_A = "3000000000000000001";
const DISCORD_B = "3000000000000000002";

async function start(s: Setup, userId = s.ids.paying) {
  return s.as(userId).mutation(api.discordLink.start, {});
}

async function consume(s: Setup, state: string, userId = s.ids.paying) {
  return s.t.mutation(internal.discordLink.consumeState, {
    stateHash: await sha256Hex(state),
    userId,
  });
}

describe("start", () => {
  test("stores only the state's hash, with a PKCE verifier whose S256 challenge is returned", async () => {
    const s = await setupMirror();
    const result = await start(s);
    expect(result.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await s.t.run((ctx) => ctx.db.query("discordLinkStates").take(10));
    expect(rows).toHaveLength(1);
    const row = rows[0];
    if (row === undefined) throw new Error("no state");
    expect(row.stateHash).toBe(await sha256Hex(result.state));
    expect(JSON.stringify(row)).not.toContain(result.state);
    expect(await pkceChallenge(row.codeVerifier)).toBe(result.codeChallenge);
    expect(row.expiresAt - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(row.expiresAt - Date.now()).toBeLessThanOrEqual(10 * 60_000);

    const url = new URL(result.authorizeUrl);
    expect(url.origin + url.pathname).toBe("http://127.0.0.1:9/oauth2/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "1200000000000000001",
      scope: "identify guilds.join",
      state: result.state,
      redirect_uri: "http://127.0.0.1:3000/api/discord/callback",
      code_challenge: result.codeChallenge,
      code_challenge_method: "S256",
      prompt: "consent",
    });
  });

  test("every attempt gets a fresh state; old attempts are pruned to a bounded few", async () => {
    const s = await setupMirror();
    const states = new Set<string>();
    for (let i = 0; i < 8; i++) states.add((await start(s)).state);
    expect(states.size).toBe(8);
    const rows = await s.t.run((ctx) => ctx.db.query("discordLinkStates").take(50));
    expect(rows.length).toBeLessThanOrEqual(5);
  });

  test("anonymous callers cannot start, read or unlink", async () => {
    const s = await setupMirror();
    await expect(s.t.mutation(api.discordLink.start, {})).rejects.toThrow(/Sign in/);
    await expect(s.t.query(api.discordLink.mine, {})).rejects.toThrow(/Sign in/);
    await expect(s.t.mutation(api.discordLink.unlink, {})).rejects.toThrow(/Sign in/);
    await expect(s.t.action(api.discordLink.complete, { state: "x", code: "y" })).rejects.toThrow(
      /Sign in/,
    );
  });
});

describe("state checks (before any code exchange)", () => {
  test("a state is single use", async () => {
    const s = await setupMirror();
    const { state } = await start(s);
    const verifier = await consume(s, state);
    expect(verifier.length).toBeGreaterThanOrEqual(43);
    await expect(consume(s, state)).rejects.toThrow(/already used/);
  });

  test("an expired state is refused, for good", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const s = await setupMirror();
    const { state } = await start(s);
    vi.setSystemTime(Date.now() + 10 * 60_000 + 1);
    await expect(consume(s, state)).rejects.toThrow(/expired/);
    await expect(consume(s, state)).rejects.toThrow(/expired/);
  });

  test("a forged state is refused", async () => {
    const s = await setupMirror();
    await start(s);
    await expect(consume(s, "forged-state-value")).rejects.toThrow(/not valid/);
  });

  test("another user's state is refused and stays usable by its owner", async () => {
    const s = await setupMirror();
    const { state } = await start(s, s.ids.paying);
    await expect(consume(s, state, s.ids.customer)).rejects.toThrow(/another account/);
    await expect(consume(s, state, s.ids.paying)).resolves.toBeTypeOf("string");
  });

  test("complete refuses forged, reused and foreign states without calling Discord", async () => {
    const s = await setupMirror();
    const own = await start(s, s.ids.paying);
    const caller = s.as(s.ids.customer);
    await expect(
      caller.action(api.discordLink.complete, { state: own.state, code: "c" }),
    ).rejects.toThrow(/another account/);
    await expect(
      caller.action(api.discordLink.complete, { state: "forged", code: "c" }),
    ).rejects.toThrow(/not valid/);
    await expect(caller.action(api.discordLink.complete, { state: "", code: "c" })).rejects.toThrow(
      /Malformed/,
    );
    await consume(s, own.state);
    await expect(
      s.as(s.ids.paying).action(api.discordLink.complete, { state: own.state, code: "c" }),
    ).rejects.toThrow(/already used/);
  });
});

describe("links", () => {
  test("one Discord account per user: linking an account taken by another user is refused", async () => {
    const s = await setupMirror();
    await s.t.run((ctx) => linkDiscord(ctx, s.ids.customer, DISCORD_A));
    await expect(
      s.t.mutation(internal.discordLink.storeLink, {
        userId: s.ids.paying,
        discordUserId: DISCORD_A,
        username: "a",
      }),
    ).rejects.toThrow(/already linked to another/);
  });

  test("re-linking replaces the user's account, revoking the old one's roles; entitled roles returned", async () => {
    const s = await setupMirror();
    await s.t.run((ctx) => grantAccess(ctx, s.ids.paying));
    const first = await s.t.mutation(internal.discordLink.storeLink, {
      userId: s.ids.paying,
      discordUserId: DISCORD_A,
      username: "a",
    });
    expect(first).toEqual({ entitledRoleIds: [ROLE], replacedDiscordUserId: null });
    const again = await s.t.mutation(internal.discordLink.storeLink, {
      userId: s.ids.paying,
      discordUserId: DISCORD_A,
      username: "a2",
    });
    expect(again.replacedDiscordUserId).toBeNull();
    const second = await s.t.mutation(internal.discordLink.storeLink, {
      userId: s.ids.paying,
      discordUserId: DISCORD_B,
      username: "b",
    });
    expect(second.replacedDiscordUserId).toBe(DISCORD_A);
    expect(await s.as(s.ids.paying).query(api.discordLink.mine, {})).toMatchObject({
      discordUserId: DISCORD_B,
      username: "b",
    });
    const jobs = await s.t.run((ctx) => ctx.db.query("roleSyncJobs").take(10));
    expect(jobs.map((job) => [job.discordUserId, job.action])).toEqual([[DISCORD_A, "revoke"]]);
    const links = await s.t.run((ctx) => ctx.db.query("discordLinks").take(10));
    expect(links).toHaveLength(1);
    const audit = await s.t.run((ctx) => ctx.db.query("auditLog").take(10));
    expect(audit.map((entry) => entry.action)).toEqual([
      "discord.link",
      "discord.link",
      "discord.relink",
    ]);
  });

  test("after the join: 201 is audited as a grant; 204 enqueues a grant job", async () => {
    const s = await setupMirror();
    await s.t.run(async (ctx) => {
      await grantAccess(ctx, s.ids.paying);
      await linkDiscord(ctx, s.ids.paying, DISCORD_A);
    });
    await s.t.mutation(internal.discordLink.recordJoin, {
      userId: s.ids.paying,
      discordUserId: DISCORD_A,
      outcome: "added",
      roleIds: [ROLE],
      status: 201,
    });
    expect(await s.t.run((ctx) => ctx.db.query("roleSyncJobs").take(10))).toEqual([]);
    await s.t.mutation(internal.discordLink.recordJoin, {
      userId: s.ids.paying,
      discordUserId: DISCORD_A,
      outcome: "already_member",
      roleIds: [ROLE],
      status: 204,
    });
    const jobs = await s.t.run((ctx) => ctx.db.query("roleSyncJobs").take(10));
    expect(jobs.map((job) => [job.discordUserId, job.action])).toEqual([[DISCORD_A, "grant"]]);
    const audit = await s.t.run((ctx) => ctx.db.query("auditLog").take(10));
    expect(audit.map((entry) => [entry.action, entry.targetId])).toEqual([
      ["role.grant", DISCORD_A],
    ]);
  });

  test("mine shows only the caller's own link", async () => {
    const s = await setupMirror();
    await s.t.run((ctx) => linkDiscord(ctx, s.ids.customer, DISCORD_A));
    expect(await s.as(s.ids.paying).query(api.discordLink.mine, {})).toBeNull();
    expect(await s.as(s.ids.customer).query(api.discordLink.mine, {})).toMatchObject({
      discordUserId: DISCORD_A,
    });
  });
});
