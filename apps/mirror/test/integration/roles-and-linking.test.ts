import { ConvexError } from "convex/values";
import { describe, expect, test } from "vitest";
import { api } from "../../../../convex/_generated/api.js";
import { DEMO_IDS } from "@g3/discord-emulator";
import {
  CUSTOMER_GUILD,
  REDIRECT_URI,
  stackPerTest,
  VIP_ROLE,
  waitFor,
  type SignedInUser,
  type Stack,
} from "./harness.js";

const CUSTOMER_DISCORD = DEMO_IDS.customerUser; // the emulator's OAuth user

let stack: Stack;

stackPerTest((started) => (stack = started));

/** The browser's trip to Discord: the authorize page answers with a 302 to our callback. */
async function authorize(authorizeUrl: string): Promise<URL> {
  const response = await fetch(authorizeUrl, { redirect: "manual" });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location") ?? "");
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
  return location;
}

async function link(user: SignedInUser) {
  const started = await user.client.mutation(api.discordLink.start, {});
  const callback = await authorize(started.authorizeUrl);
  expect(callback.searchParams.get("state")).toBe(started.state);
  const code = callback.searchParams.get("code");
  if (code === null) throw new Error(`no code: ${callback.toString()}`);
  return {
    started,
    code,
    result: await user.client.action(api.discordLink.complete, { state: started.state, code }),
  };
}

async function hasVipRole(): Promise<boolean> {
  const members = await stack.emulator.control.members(CUSTOMER_GUILD);
  const member = members.find((m) => m.user.id === CUSTOMER_DISCORD);
  return member?.roles.includes(VIP_ROLE) ?? false;
}

async function isMember(): Promise<boolean> {
  const members = await stack.emulator.control.members(CUSTOMER_GUILD);
  return members.some((m) => m.user.id === CUSTOMER_DISCORD);
}

async function grant(user: SignedInUser) {
  const admin = await stack.adminUser();
  return admin.client.mutation(api.entitlementAdmin.grant, {
    userId: user.userId,
    tierKey: "vip",
    days: 30,
    reason: "integration test",
  });
}

async function errorCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConvexError) return (error.data as { code?: string }).code;
    throw error;
  }
  return undefined;
}

describe("linking (OAuth2 + PKCE against the emulator)", () => {
  test("happy path: link joins the customer guild; entitled users get the paid role with the join", async () => {
    const user = await stack.signUp("paid@example.test");
    await grant(user);
    const { result } = await link(user);
    expect(result).toMatchObject({ discordUserId: CUSTOMER_DISCORD, guild: "added" });
    expect(await isMember()).toBe(true);
    expect(await hasVipRole()).toBe(true);
    expect(await user.client.query(api.discordLink.mine, {})).toMatchObject({
      discordUserId: CUSTOMER_DISCORD,
    });
  });

  test("already a member (204): roles are not applied by the join, a role job grants them", async () => {
    await stack.emulator.control.addMember(CUSTOMER_GUILD, { userId: CUSTOMER_DISCORD });
    const user = await stack.signUp("member@example.test");
    await grant(user);
    await stack.startMirror();
    const { result } = await link(user);
    expect(result.guild).toBe("already_member");
    await waitFor(hasVipRole, 20_000, "the role job to grant the paid role");
  });

  test("a reused, forged or foreign state is refused; a denied consent yields no code", async () => {
    const user = await stack.signUp("a@example.test");
    const other = await stack.signUp("b@example.test");
    const { started, code } = await link(user);
    expect(
      await errorCode(user.client.action(api.discordLink.complete, { state: started.state, code })),
    ).toBe("STATE_USED");
    expect(
      await errorCode(user.client.action(api.discordLink.complete, { state: "forged", code })),
    ).toBe("INVALID_STATE");
    const foreign = await user.client.mutation(api.discordLink.start, {});
    expect(
      await errorCode(
        other.client.action(api.discordLink.complete, { state: foreign.state, code: "x" }),
      ),
    ).toBe("STATE_OTHER_USER");

    await stack.emulator.control.setOAuthConsent({ userId: CUSTOMER_DISCORD, decision: "deny" });
    const denied = await other.client.mutation(api.discordLink.start, {});
    const callback = await authorize(denied.authorizeUrl);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("code")).toBeNull();
    expect(await other.client.query(api.discordLink.mine, {})).toBeNull();
  });

  test("one Discord account per user: a second user linking the same account is refused", async () => {
    const first = await stack.signUp("first@example.test");
    const second = await stack.signUp("second@example.test");
    await link(first);
    const started = await second.client.mutation(api.discordLink.start, {});
    const callback = await authorize(started.authorizeUrl);
    const code = callback.searchParams.get("code") ?? "";
    expect(
      await errorCode(
        second.client.action(api.discordLink.complete, { state: started.state, code }),
      ),
    ).toBe("DISCORD_ACCOUNT_TAKEN");
  });
});

describe("paid-role sync", () => {
  test("grant on entitlement, revoke on revocation, revoke on unlink", async () => {
    const user = await stack.signUp("cycle@example.test");
    const { result } = await link(user);
    expect(result.guild).toBe("added");
    expect(await hasVipRole()).toBe(false);
    await stack.startMirror();

    const entitlementId = await grant(user);
    await waitFor(hasVipRole, 20_000, "grant after the entitlement");

    const admin = await stack.adminUser();
    await admin.client.mutation(api.entitlementAdmin.revoke, {
      entitlementId,
      reason: "chargeback dispute",
    });
    await waitFor(async () => !(await hasVipRole()), 20_000, "revoke after the dispute");

    await grant(user);
    await waitFor(hasVipRole, 20_000, "grant again");
    await user.client.mutation(api.discordLink.unlink, {});
    await waitFor(async () => !(await hasVipRole()), 20_000, "revoke after unlink");

    const audit = await admin.client.query(api.audit.list, {
      paginationOpts: { numItems: 100, cursor: null },
    });
    const roleActions = audit.page
      .map((entry: { action: string }) => entry.action)
      .filter((a: string) => a.startsWith("role."));
    expect(roleActions.filter((a: string) => a === "role.grant").length).toBeGreaterThanOrEqual(2);
    expect(roleActions.filter((a: string) => a === "role.revoke").length).toBeGreaterThanOrEqual(2);
  });

  test("reconciliation: a role removed by a moderator comes back; a hand-granted role goes", async () => {
    const user = await stack.signUp("recon@example.test");
    await grant(user);
    await link(user);
    expect(await hasVipRole()).toBe(true);
    await stack.emulator.control.removeRole(
      CUSTOMER_GUILD,
      CUSTOMER_DISCORD,
      VIP_ROLE,
      "moderator mistake",
    );
    await stack.emulator.control.addRole(
      CUSTOMER_GUILD,
      DEMO_IDS.moderatorUser,
      VIP_ROLE,
      "hand-granted",
    );
    expect(await hasVipRole()).toBe(false);

    const mirror = await stack.startMirror(); // reconciles at start, and on its timer
    await mirror.roles.reconcileNow();
    await waitFor(hasVipRole, 20_000, "the moderator-removed role to come back");
    await waitFor(
      async () => {
        const members = await stack.emulator.control.members(CUSTOMER_GUILD);
        return !members.find((m) => m.user.id === DEMO_IDS.moderatorUser)?.roles.includes(VIP_ROLE);
      },
      20_000,
      "the hand-granted role to be revoked",
    );
  });

  test("the heartbeat reports the role hierarchy to the admin console", async () => {
    await stack.startMirror();
    const admin = await stack.adminUser();
    const status = await waitFor(async () => {
      const s = await admin.client.query(api.roleSync.hierarchyStatus, {});
      return s.state === "unknown" ? undefined : s;
    });
    expect(status).toMatchObject({ state: "ok", roles: [{ roleId: VIP_ROLE, manageable: true }] });
  });
});
