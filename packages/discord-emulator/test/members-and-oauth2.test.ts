import { randomBytes, createHash } from "node:crypto";
import { Events, type Client, type Guild } from "discord.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS, DEMO_TOKENS, type RunningEmulator } from "../src/index.js";
import { loginMirror, once, startTestEmulator } from "./helpers.js";

const REDIRECT = "http://127.0.0.1:3000/api/discord/callback";
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

async function authorize(emu: RunningEmulator, params: Record<string, string>): Promise<URL> {
  const url = new URL(`${emu.url}/oauth2/authorize`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const res = await fetch(url, { redirect: "manual" });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location") ?? "");
}

async function token(
  emu: RunningEmulator,
  form: Record<string, string>,
  auth = basic(DEMO_IDS.mirrorApp, DEMO_TOKENS.mirrorClientSecret),
) {
  const res = await fetch(`${emu.apiUrl}/v10/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: auth },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

async function linkCustomer(emu: RunningEmulator, scope = "identify guilds.join"): Promise<string> {
  const { verifier, challenge } = pkce();
  const callback = await authorize(emu, {
    client_id: DEMO_IDS.mirrorApp,
    redirect_uri: REDIRECT,
    response_type: "code",
    scope,
    state: "s1",
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  const code = callback.searchParams.get("code") ?? "";
  const { body } = await token(emu, {
    grant_type: "authorization_code",
    code,
    redirect_uri: REDIRECT,
    code_verifier: verifier,
  });
  return String(body.access_token);
}

describe("members, roles and OAuth2 linking", () => {
  let emu: RunningEmulator;
  let mirror: Client<true>;
  let guild: Guild;

  beforeAll(async () => {
    emu = await startTestEmulator();
    mirror = await loginMirror(emu);
    const cached = mirror.guilds.cache.get(DEMO_IDS.customerGuild);
    if (!cached) throw new Error("customer guild not cached");
    guild = cached;
  });
  beforeEach(async () => {
    await emu.control.setOAuthConsent({ userId: DEMO_IDS.customerUser, decision: "allow" });
  });
  afterAll(async () => {
    await mirror.destroy();
    await emu.close();
  });

  it("adds and removes the paid role, with audit reason; 10007 for non-members", async () => {
    await expect(
      guild.members.addRole({ user: DEMO_IDS.customerUser, role: DEMO_IDS.vipRole }),
    ).rejects.toMatchObject({ code: 10007 });
    await emu.control.addMember(DEMO_IDS.customerGuild, { userId: DEMO_IDS.analystUser });
    const updated = once(
      mirror,
      Events.GuildMemberUpdate,
      (_o, m) => m.id === DEMO_IDS.analystUser && m.roles.cache.has(DEMO_IDS.vipRole),
    );
    await guild.members.addRole({
      user: DEMO_IDS.analystUser,
      role: DEMO_IDS.vipRole,
      reason: "Paid: order #1 (renewal)",
    });
    await updated;
    const members = await emu.control.members(DEMO_IDS.customerGuild);
    expect(members.find((m) => m.user.id === DEMO_IDS.analystUser)?.roles).toEqual([
      DEMO_IDS.vipRole,
    ]);
    const audit = await emu.control.auditLog(DEMO_IDS.customerGuild);
    expect(audit.at(-1)).toMatchObject({
      action: "member_role_add",
      reason: "Paid: order #1 (renewal)",
      roleId: DEMO_IDS.vipRole,
    });

    // A moderator removes it through the control API: the bot sees GUILD_MEMBER_UPDATE.
    const removed = once(
      mirror,
      Events.GuildMemberUpdate,
      (_o, m) => m.id === DEMO_IDS.analystUser && !m.roles.cache.has(DEMO_IDS.vipRole),
    );
    await emu.control.removeRole(
      DEMO_IDS.customerGuild,
      DEMO_IDS.analystUser,
      DEMO_IDS.vipRole,
      "refund",
    );
    await removed;
  });

  it("lists members with limit/after, fetches users and the application", async () => {
    const all = (await emu.control.members(DEMO_IDS.customerGuild))
      .map((m) => m.user.id)
      .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    expect(all.length).toBeGreaterThanOrEqual(3);
    const page = await guild.members.list({ limit: 2, cache: false });
    expect([...page.keys()]).toEqual(all.slice(0, 2));
    const next = await guild.members.list({ limit: 10, after: all[1], cache: false });
    expect([...next.keys()]).toEqual(all.slice(2));
    const user = await mirror.users.fetch(DEMO_IDS.analystUser, { force: true });
    expect(user.username).toBe("analyst");
    await expect(mirror.users.fetch("1196423538278539999", { force: true })).rejects.toMatchObject({
      code: 10013,
    });
    const app = await mirror.application.fetch();
    expect(app.name).toBe("Mirror");
    expect(app.flags.has("GatewayGuildMembers")).toBe(true);
  });

  it("answers 50013 when the role is not below the bot's highest role, 10011 for unknown roles", async () => {
    // The Mirror role is the bot's own highest role: not strictly above → Missing Permissions.
    await expect(
      guild.members.addRole({ user: DEMO_IDS.moderatorUser, role: DEMO_IDS.mirrorRole }),
    ).rejects.toMatchObject({ code: 50013, status: 403 });
    await expect(
      guild.members.addRole({ user: DEMO_IDS.moderatorUser, role: "1196428319785091999" }),
    ).rejects.toMatchObject({ code: 10011 });
    // Members of another guild's channels are out of reach: 50001.
    await expect(
      mirror.rest.get(`/channels/${DEMO_IDS.sourceVipSignals}/messages`),
    ).rejects.toMatchObject({ code: 50001 });
  });

  it("runs the code flow with PKCE and state; users/@me and oauth2/@me with Bearer", async () => {
    const { verifier, challenge } = pkce();
    const callback = await authorize(emu, {
      client_id: DEMO_IDS.mirrorApp,
      redirect_uri: REDIRECT,
      response_type: "code",
      scope: "identify email guilds.join",
      state: "csrf-123",
      code_challenge: challenge,
      code_challenge_method: "S256",
      prompt: "consent",
    });
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
    expect(callback.searchParams.get("state")).toBe("csrf-123");
    const code = callback.searchParams.get("code") ?? "";

    const wrongVerifier = await token(emu, {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT,
      code_verifier: pkce().verifier,
    });
    expect(wrongVerifier).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    // The code was consumed by the failed attempt: single use.
    const callback2 = await authorize(emu, {
      client_id: DEMO_IDS.mirrorApp,
      redirect_uri: REDIRECT,
      response_type: "code",
      scope: "identify email guilds.join",
      state: "csrf-456",
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
    const code2 = callback2.searchParams.get("code") ?? "";
    const ok = await token(emu, {
      grant_type: "authorization_code",
      code: code2,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      token_type: "Bearer",
      expires_in: 604800,
      scope: "identify email guilds.join",
    });
    const reuse = await token(emu, {
      grant_type: "authorization_code",
      code: code2,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(reuse).toMatchObject({ status: 400, body: { error: "invalid_grant" } });

    const bearer = { authorization: `Bearer ${String(ok.body.access_token)}` };
    const me = (await (
      await fetch(`${emu.apiUrl}/v10/users/@me`, { headers: bearer })
    ).json()) as Record<string, unknown>;
    expect(me).toMatchObject({
      id: DEMO_IDS.customerUser,
      username: "demo_customer",
      email: "customer@example.test",
    });
    const info = (await (
      await fetch(`${emu.apiUrl}/v10/oauth2/@me`, { headers: bearer })
    ).json()) as Record<string, unknown>;
    expect(info).toMatchObject({
      scopes: ["identify", "email", "guilds.join"],
      user: { id: DEMO_IDS.customerUser },
    });

    const refreshed = await token(emu, {
      grant_type: "refresh_token",
      refresh_token: String(ok.body.refresh_token),
    });
    expect(refreshed.status).toBe(200);
    expect((await fetch(`${emu.apiUrl}/v10/users/@me`, { headers: bearer })).status).toBe(401);

    const revoke = await fetch(`${emu.apiUrl}/oauth2/token/revoke`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: basic(DEMO_IDS.mirrorApp, DEMO_TOKENS.mirrorClientSecret),
      },
      body: new URLSearchParams({
        token: String(refreshed.body.refresh_token),
        token_type_hint: "refresh_token",
      }),
    });
    expect(revoke.status).toBe(200);
    const after = await fetch(`${emu.apiUrl}/v10/users/@me`, {
      headers: { authorization: `Bearer ${String(refreshed.body.access_token)}` },
    });
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ message: "401: Unauthorized", code: 0 });
  });

  it("rejects bad clients, mismatched redirect_uri, JSON bodies, and denied consent", async () => {
    const { verifier, challenge } = pkce();
    const callback = await authorize(emu, {
      client_id: DEMO_IDS.mirrorApp,
      redirect_uri: REDIRECT,
      response_type: "code",
      scope: "identify",
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
    const code = callback.searchParams.get("code") ?? "";
    const badSecret = await token(
      emu,
      { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier },
      basic(DEMO_IDS.mirrorApp, "wrong-secret"),
    );
    expect(badSecret).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    const bodyAuth = await token(
      emu,
      {
        grant_type: "authorization_code",
        code,
        redirect_uri: "http://localhost:3000/api/discord/callback",
        code_verifier: verifier,
        client_id: DEMO_IDS.mirrorApp,
        client_secret: DEMO_TOKENS.mirrorClientSecret,
      },
      "",
    );
    expect(bodyAuth).toMatchObject({ status: 400, body: { error: "invalid_grant" } });

    const json = await fetch(`${emu.apiUrl}/oauth2/token`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: basic(DEMO_IDS.mirrorApp, DEMO_TOKENS.mirrorClientSecret),
      },
      body: JSON.stringify({ grant_type: "authorization_code", code }),
    });
    expect(json.status).toBe(400);

    const unregistered = await fetch(
      `${emu.url}/oauth2/authorize?client_id=${DEMO_IDS.mirrorApp}&response_type=code&scope=identify&redirect_uri=${encodeURIComponent("https://evil.example/cb")}`,
      { redirect: "manual" },
    );
    expect(unregistered.status).toBe(400);
    const unknownClient = await fetch(
      `${emu.url}/oauth2/authorize?client_id=1&response_type=code&scope=identify`,
      { redirect: "manual" },
    );
    expect(unknownClient.status).toBe(400);

    await emu.control.setOAuthConsent({ userId: DEMO_IDS.customerUser, decision: "deny" });
    const denied = await authorize(emu, {
      client_id: DEMO_IDS.mirrorApp,
      redirect_uri: REDIRECT,
      response_type: "code",
      scope: "identify",
      state: "st",
    });
    expect(denied.searchParams.get("error")).toBe("access_denied");
    expect(denied.searchParams.get("state")).toBe("st");
    expect(denied.searchParams.has("code")).toBe(false);
  });

  it("adds the linked user with the paid role: 201 + member, then 204 without applying roles", async () => {
    const accessToken = await linkCustomer(emu);
    const added = once(mirror, Events.GuildMemberAdd, (m) => m.id === DEMO_IDS.customerUser);
    const member = await guild.members.add(DEMO_IDS.customerUser, {
      accessToken,
      roles: [DEMO_IDS.vipRole],
      force: true,
    });
    expect(member?.roles.cache.has(DEMO_IDS.vipRole)).toBe(true);
    await added;
    await emu.control.removeRole(DEMO_IDS.customerGuild, DEMO_IDS.customerUser, DEMO_IDS.vipRole);

    const requestsBefore = (await emu.control.requests()).length;
    const again = await guild.members.add(DEMO_IDS.customerUser, {
      accessToken,
      roles: [DEMO_IDS.vipRole],
      force: true,
    });
    const log = (await emu.control.requests()).slice(requestsBefore);
    expect(log.find((r) => r.route === "PUT /guilds/:guild_id/members/:user_id")?.status).toBe(204);
    expect(again?.roles.cache.has(DEMO_IDS.vipRole)).toBe(false);

    // A token without guilds.join cannot add members.
    await emu.control.removeMember(DEMO_IDS.customerGuild, DEMO_IDS.customerUser);
    const identifyOnly = await linkCustomer(emu, "identify");
    await expect(
      guild.members.add(DEMO_IDS.customerUser, { accessToken: identifyOnly, force: true }),
    ).rejects.toMatchObject({ code: 50025 });
  });
});
