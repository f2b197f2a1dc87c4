import { describe, expect, test } from "vitest";
import { query } from "./_generated/server";
import { accessRuleOf, type AccessRule } from "./functions";
import { modules } from "./test.setup";

/**
 * Every public function of the deployment, with the access rule it is built with (the builders
 * in convex/functions.ts). A public function made with the raw `query`/`mutation`/`action`, or
 * one whose rule differs from this table, fails the test: adding or loosening a public function
 * is a reviewed change to this table, not a side effect.
 */
const EXPECTED: Record<string, AccessRule | "convexAuth"> = {
  "attachments:link": "viewer",
  "audit:forTarget": "admin",
  "audit:list": "admin",
  // Convex Auth's own endpoints (sign-in, sign-out): the library checks its credentials itself.
  "auth:isAuthenticated": "convexAuth",
  "auth:signIn": "convexAuth",
  "auth:signOut": "convexAuth",
  "billing:mine": "viewer",
  "business:overview": "admin",
  "channelMappings:create": "admin",
  "channelMappings:list": "admin",
  "channelMappings:setEnabled": "admin",
  "channelMappings:tierOptions": "admin",
  "channelMappings:update": "admin",
  "devMailbox:recent": "devMailbox",
  "discordLink:complete": "user",
  "discordLink:mine": "user",
  "discordLink:start": "user",
  "discordLink:unlink": "user",
  "emailPreferences:mine": "user",
  "emailPreferences:update": "user",
  "entitlementAdmin:extend": "admin",
  "entitlementAdmin:grant": "admin",
  "entitlementAdmin:revoke": "admin",
  "entitlementAdmin:search": "admin",
  "entitlements:mine": "viewer",
  "feed:access": "viewer",
  "feed:channels": "viewer",
  "feed:list": "viewer",
  // Proven by the live pass, never by the caller: one shared evaluation per tier.
  "feed:live": "public",
  "feed:livePass": "viewer",
  "feed:reportSeen": "viewer",
  "feed:signal": "viewer",
  "health:driftReports": "admin",
  "health:overview": "admin",
  "historyImportJobs:claim": "service",
  "historyImportJobs:commitPage": "service",
  "historyImportJobs:finish": "service",
  "historyImportJobs:release": "service",
  "historyImports:cancel": "admin",
  "historyImports:list": "admin",
  "historyImports:pause": "admin",
  "historyImports:request": "admin",
  "historyImports:resume": "admin",
  "ingest:advanceCursor": "service",
  "ingest:deleteMessages": "service",
  "ingest:discardUploads": "service",
  "ingest:generateUploadUrl": "service",
  "ingest:getCursors": "service",
  "ingest:heartbeat": "service",
  "ingest:knownAttachments": "service",
  "ingest:markChannelsLive": "service",
  "ingest:storedMessagesSince": "service",
  "ingest:upsertMessage": "service",
  "ingest:watchedChannels": "service",
  "mirror:claim": "service",
  "mirror:complete": "service",
  "mirror:driftWindow": "service",
  "mirror:extend": "service",
  "mirror:fail": "service",
  "mirror:forgetMessage": "service",
  "mirror:heartbeat": "service",
  "mirror:knownMessages": "service",
  "mirror:release": "service",
  "mirror:repairDrift": "service",
  "mirror:reportDrift": "service",
  "mirror:work": "service",
  "outcomes:discrepancies": "admin",
  "parseReview:correct": "admin",
  "parseReview:list": "admin",
  "parseReview:resolve": "admin",
  "push:config": "public",
  "push:mine": "user",
  "push:sendTest": "user",
  "push:subscribe": "user",
  "push:unsubscribe": "user",
  "push:updateSettings": "user",
  "reparse:start": "admin",
  "reparse:status": "admin",
  "roleSync:claim": "service",
  "roleSync:complete": "service",
  "roleSync:fail": "service",
  "roleSync:hierarchyStatus": "admin",
  "roleSync:paidRoles": "service",
  "roleSync:reconcileRoles": "service",
  "roleSync:release": "service",
  "roleSync:resyncAll": "admin",
  "roleSync:resyncUser": "admin",
  "roleSync:work": "service",
  "sellappSync:generateCsvUploadUrl": "admin",
  "sellappSync:runChanges": "admin",
  "sellappSync:runs": "admin",
  "sellappSync:startCsvImport": "admin",
  "sellappSync:startImport": "admin",
  "sellappSync:startReconcile": "admin",
  "siteSettings:list": "admin",
  "siteSettings:set": "admin",
  "storefront:legalPage": "public",
  "storefront:pricing": "public",
  "tiers:list": "admin",
  "tiers:moveTier": "admin",
  "tiers:removeProductMapping": "admin",
  "tiers:removeTier": "admin",
  "tiers:setProductMapping": "admin",
  "tiers:setTierRetired": "admin",
  "tiers:upsertTier": "admin",
  "outcomeReview:deletedLosers": "admin",
  "outcomeReview:signalHistory": "admin",
  "trackRecord:performance": "viewer",
  // Aggregates only, after a delay: the storefront's public track record.
  "trackRecord:publicRecord": "public",
  "trackerHealth:report": "service",
  "trackerHealth:status": "admin",
  "tracker:acquire": "service",
  "tracker:discovered": "service",
  "tracker:editedSignals": "service",
  "tracker:newSignals": "service",
  "tracker:openTracks": "service",
  "tracker:recordProgress": "service",
  "tracker:release": "service",
  "tracker:signalDetails": "service",
  "tracker:trackStates": "service",
  "unmappedProducts:list": "admin",
  "users:signOutEverywhere": "user",
  "users:viewer": "viewer",
  "webhookAdmin:get": "admin",
  "webhookAdmin:list": "admin",
  "webhookAdmin:reconcile": "admin",
  "webhookAdmin:replay": "admin",
  "workQueues:mirrorDeliveries": "admin",
  "workQueues:retryMirrorDelivery": "admin",
  "workQueues:retryRoleSyncJob": "admin",
  "workQueues:roleSyncJobs": "admin",
};

/** Convex Auth's public endpoints are built by the library; nothing of ours can mark them. */
const CONVEX_AUTH_MODULE = "auth";

type Registered = {
  isPublic?: boolean;
  isQuery?: boolean;
  isMutation?: boolean;
  isAction?: boolean;
};

function isRegisteredFunction(value: unknown): value is Registered {
  if ((typeof value !== "function" && typeof value !== "object") || value === null) return false;
  const fn = value as Registered;
  return fn.isQuery === true || fn.isMutation === true || fn.isAction === true;
}

/** "module:export" → the rule of every public function, read from the modules as Convex loads them. */
async function publicFunctionRules(): Promise<Map<string, AccessRule | "convexAuth" | null>> {
  const found = new Map<string, AccessRule | "convexAuth" | null>();
  for (const [file, load] of Object.entries(modules)) {
    if (file.startsWith("./_generated/")) continue;
    const modulePath = file.replace(/^\.\//, "").replace(/\.[^.]+$/, "");
    const exports = (await load()) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (!isRegisteredFunction(value) || value.isPublic !== true) continue;
      const rule = accessRuleOf(value);
      found.set(
        `${modulePath}:${name}`,
        rule ?? (modulePath === CONVEX_AUTH_MODULE ? "convexAuth" : null),
      );
    }
  }
  return found;
}

describe("access rules", () => {
  test("every public function is made with an access-rule builder", async () => {
    const raw = [...(await publicFunctionRules())]
      .filter(([, rule]) => rule === null)
      .map(([name]) => name);
    expect(
      raw,
      "public functions made with the raw query/mutation/action: use a builder from convex/functions.ts",
    ).toEqual([]);
  });

  test("each public function has the rule this table names, and no other function is public", async () => {
    const actual = Object.fromEntries(
      [...(await publicFunctionRules())].sort(([a], [b]) => a.localeCompare(b)),
    );
    expect(actual).toEqual(EXPECTED);
  });

  test("the marker is invisible to Convex: a built function has a raw one's own keys", async () => {
    const load = modules["./storefront.ts"];
    if (load === undefined) throw new Error("convex/storefront.ts is missing from the module map");
    const { pricing } = (await load()) as { pricing: object };
    const raw = query({ args: {}, handler: () => null });
    expect(Object.keys(pricing).sort()).toEqual(Object.keys(raw).sort());
    expect(accessRuleOf(pricing)).toBe("public");
    expect(accessRuleOf(raw)).toBeNull();
  });
});
