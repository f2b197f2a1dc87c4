// Every public function of the app × every kind of caller × plausible and hostile arguments.
// Invariants: paid signal content (a marker planted in a signal's text) never reaches a caller
// without access; another user's email never reaches a non-admin; admin-only functions refuse
// non-admins; service functions refuse every caller without the service secret.
import { DEMO_IDS } from "@g3/discord-emulator";
import { convexToJson } from "convex/values";
import { makeFunctionReference } from "convex/server";
import { beforeAll, describe, expect, test } from "vitest";
import { makeActor, ROLES, signUpVerified, type Actor, type Role } from "../src/actors.js";
import { argumentSets, type ArgContext } from "../src/arguments.js";
import { suiteStack } from "../src/context.js";
import { admin, api, internal, outcome } from "../src/convex.js";
import {
  httpRoutes,
  isAdminOnly,
  isServiceFunction,
  publicFunctions,
  type PublicFunction,
} from "../src/functions.js";
import { postMarkedSignal } from "../src/signals.js";
import { BYSTANDER_MARKER, SIGNAL_MARKER, uniqueName } from "../src/world.js";

const stack = suiteStack();

/** The matrix's own tier and mapping: admin calls with plausible arguments change these, not vip. */
const MATRIX_TIER = "matrix";
const MATRIX_SOURCE_CHANNEL = "100000000000000881";
const MATRIX_CUSTOMER_CHANNEL = "100000000000000882";
const MATRIX_PRODUCT = "990001";

let functions: PublicFunction[] = [];
let actors: Partial<Record<Role, Actor>> = {};
let argContext: ArgContext;

function serialize(value: unknown): string {
  try {
    return JSON.stringify(convexToJson(value as Parameters<typeof convexToJson>[0]));
  } catch {
    return String(value);
  }
}

/** Session-ending functions go last, so the role keeps its session for everything else. */
function callOrder(fns: PublicFunction[]): PublicFunction[] {
  const ends = (fn: PublicFunction) => /signOut/i.test(fn.name);
  return [...fns.filter((fn) => !ends(fn)), ...fns.filter(ends)];
}

beforeAll(async () => {
  functions = callOrder(await publicFunctions());
  const key = admin(stack);
  const seeded = await key.mutation(internal.seed.configure, {
    tier: {
      key: MATRIX_TIER,
      name: "Matrix",
      graceHours: 1,
      purchaseUrl: "https://sell.app/matrix",
    },
    sellappProductId: MATRIX_PRODUCT,
    mappings: [
      {
        label: "Matrix signals",
        sourceGuildId: DEMO_IDS.sourceGuild,
        sourceChannelId: MATRIX_SOURCE_CHANNEL,
        customerGuildId: DEMO_IDS.customerGuild,
        customerChannelId: MATRIX_CUSTOMER_CHANNEL,
      },
    ],
  });
  const bystander = `${uniqueName(BYSTANDER_MARKER)}@attack.test`;
  await signUpVerified(stack, bystander);
  const [unpaid, lapsed, paid, adminActor] = await Promise.all([
    makeActor(stack, "unpaid", "matrix"),
    makeActor(stack, "lapsed", "matrix"),
    makeActor(stack, "paid", "matrix"),
    makeActor(stack, "admin", "matrix"),
  ]);
  actors = {
    anonymous: await makeActor(stack, "anonymous", "matrix"),
    unpaid,
    lapsed,
    paid,
    admin: adminActor,
  };
  const signalId = await postMarkedSignal(stack, "matrix");
  const found = await adminActor.client.query(api.entitlementAdmin.search, {
    emailPrefix: lapsed.email ?? "",
  });
  const users = await adminActor.client.query(api.entitlementAdmin.search, {
    emailPrefix: bystander,
  });
  argContext = {
    tierKey: MATRIX_TIER,
    email: bystander,
    ids: {
      signals: [signalId],
      users: users.users.map((user) => user.id),
      tiers: [seeded.tierId],
      channelMappings: seeded.mappingIds,
      customers: found.customers.map((customer) => customer.id),
      entitlements: found.customers.flatMap((customer) => customer.entitlements.map((e) => e.id)),
    },
  };
}, 300_000);

describe("the matrix can see what it looks for", () => {
  test("it found the app's public functions, admin-only ones and service ones", () => {
    expect(functions.length).toBeGreaterThan(40);
    expect(functions.some(isAdminOnly)).toBe(true);
    expect(functions.some(isServiceFunction)).toBe(true);
    expect(functions.map((fn) => fn.name)).toContain("feed:list");
  });

  test("a paying member does read the marker, and the admin does read the bystander's email", async () => {
    const paid = actors.paid;
    const adminActor = actors.admin;
    if (paid === undefined || adminActor === undefined) throw new Error("actors missing");
    const page = await paid.client.query(api.feed.list, {
      paginationOpts: { numItems: 25, cursor: null },
    });
    expect(serialize(page)).toContain(SIGNAL_MARKER);
    const search = await adminActor.client.query(api.entitlementAdmin.search, {
      emailPrefix: argContext.email,
    });
    expect(serialize(search)).toContain(BYSTANDER_MARKER);
  });
});

async function attack(role: Role): Promise<{ calls: number; violations: string[] }> {
  const actor = actors[role];
  if (actor === undefined) throw new Error(`no ${role} actor`);
  const violations: string[] = [];
  let calls = 0;
  for (const fn of functions) {
    const ref = makeFunctionReference<typeof fn.kind>(fn.name);
    for (const [index, args] of argumentSets(fn.args, argContext).entries()) {
      calls++;
      const label = `${fn.name} as ${role} with ${index === 0 ? "plausible" : `hostile #${index}`} arguments`;
      const result = await outcome(async () => {
        const values = args as Record<string, never>;
        if (fn.kind === "query") return await actor.client.query(ref as never, values);
        if (fn.kind === "mutation") return await actor.client.mutation(ref as never, values);
        return await actor.client.action(ref as never, values);
      });
      const text = result.ok ? serialize(result.value) : result.error;
      const withoutAccess = role === "anonymous" || role === "unpaid" || role === "lapsed";
      if (withoutAccess && text.includes(SIGNAL_MARKER)) {
        violations.push(`${label} returned paid signal content: ${text.slice(0, 200)}`);
      }
      if (role !== "admin" && text.includes(BYSTANDER_MARKER)) {
        violations.push(`${label} returned another user's email: ${text.slice(0, 200)}`);
      }
      if (result.ok && role !== "admin" && isAdminOnly(fn)) {
        violations.push(`${label}: an admin-only function answered a non-admin`);
      }
      if (result.ok && isServiceFunction(fn)) {
        violations.push(`${label}: a service function answered without the service secret`);
      }
    }
  }
  return { calls, violations };
}

describe("every public function as every caller", () => {
  for (const role of ROLES) {
    test(`as ${role}`, async () => {
      const { calls, violations } = await attack(role);
      expect(calls).toBeGreaterThan(functions.length);
      expect(
        violations,
        `${violations.length} of ${calls} calls as ${role} broke an invariant`,
      ).toEqual([]);
    }, 300_000);
  }
});

describe("every HTTP action route, unauthenticated", () => {
  test("no route answers with signal content or another user's email", async () => {
    const routes = await httpRoutes();
    expect(routes.map((route) => route.path)).toContain("/webhooks/sellapp");
    const violations: string[] = [];
    for (const route of routes) {
      const hostileBodies = [
        "",
        "{}",
        JSON.stringify({ event: "order.completed", data: { id: 1 } }),
      ];
      for (const body of route.method === "GET" ? [undefined] : hostileBodies) {
        const path = route.path.endsWith("/") ? `${route.path}attack` : route.path;
        const response = await fetch(`${stack.siteUrl}${path}`, {
          method: route.method,
          headers: { "Content-Type": "application/json" },
          ...(body === undefined ? {} : { body }),
        });
        const text = await response.text();
        if (text.includes(SIGNAL_MARKER) || text.includes(BYSTANDER_MARKER)) {
          violations.push(
            `${route.method} ${path} answered with protected data: ${text.slice(0, 200)}`,
          );
        }
      }
    }
    expect(violations).toEqual([]);
  });
});
