// Typed references to the Convex functions the soak calls (names match convex/*.ts). Not the
// generated `api`: its types pull in every module of convex/, as @g3/e2e-bench explains.
import { makeFunctionReference } from "convex/server";

type SignInResult = { tokens?: { token: string; refreshToken: string } | null; started?: boolean };

export type StoredSignal = { _id: string; content: string; deletedAt?: number; version: number };

export type DeliveryTiming = {
  sourceMessageId: string;
  found: boolean;
  deliveries: { customerChannelId: string; status: string; customerMessageId?: string }[];
};

export type WebhookEventView = {
  event: { id: string; status: string; duplicateOf?: string; eventType: string };
  dedupeKey?: string;
} | null;

export type TierAccess = {
  tierKey: string;
  hasAccess: boolean;
  status?: string;
  accessUntil?: number;
  graceUntil?: number;
};

export const refs = {
  signIn: makeFunctionReference<
    "action",
    { provider: string; params: Record<string, string> },
    SignInResult
  >("auth:signIn"),
  latestCode: makeFunctionReference<"query", { to: string }, string | null>(
    "devMailbox:latestCodeFor",
  ),
  inspectMessage: makeFunctionReference<
    "query",
    { messageId: string },
    { signal: StoredSignal } | null
  >("ingest:inspectMessage"),
  deliveryTimings: makeFunctionReference<"query", { sourceMessageIds: string[] }, DeliveryTiming[]>(
    "latency:deliveryTimings",
  ),
  webhookGet: makeFunctionReference<"query", { id: string }, WebhookEventView>("webhookAdmin:get"),
  entitlementsMine: makeFunctionReference<
    "query",
    Record<string, never>,
    { tiers: TierAccess[] } | null
  >("entitlements:mine"),
  linkStart: makeFunctionReference<
    "mutation",
    Record<string, never>,
    { state: string; authorizeUrl: string }
  >("discordLink:start"),
  linkComplete: makeFunctionReference<
    "action",
    { state: string; code: string },
    { discordUserId: string; guild: string }
  >("discordLink:complete"),
  linkMine: makeFunctionReference<"query", Record<string, never>, { discordUserId: string } | null>(
    "discordLink:mine",
  ),
  setProductMapping: makeFunctionReference<
    "mutation",
    { sellappProductId: string; sellappVariantId?: string; tierKey: string },
    string
  >("tiers:setProductMapping"),
  unlink: makeFunctionReference<"mutation", Record<string, never>, boolean>("discordLink:unlink"),
};
