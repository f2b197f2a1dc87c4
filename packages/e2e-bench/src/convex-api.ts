// Typed references to the Convex functions the benchmark calls. Not the generated `api`: its types
// import every module of convex/ (and through Convex Auth, the DOM lib), which breaks the Node
// typings of the emulator sources this package also compiles. Names match convex/*.ts.
import { makeFunctionReference } from "convex/server";

type SignInResult = { tokens?: { token: string; refreshToken: string } | null; started?: boolean };
type SignInArgs = { provider: string; params: Record<string, string> };
export type SignalCard = {
  id: string;
  content: string;
  /** When Discord says it was posted: the feed's order, and what `feed.list`'s from/to bound. */
  postedAt: number;
  version: number;
};

export type FeedPage = {
  page: SignalCard[];
  isDone: boolean;
  continueCursor: string;
  locked: boolean;
  lockReason?: string;
};

export type LivePass = { tierKey: string; epoch: number; expiresAt: number; signature: string };

export type LiveFeed =
  | { ok: true; tierKey: string; cards: SignalCard[]; complete: boolean }
  | { ok: false; reason: "expired" | "invalid" | "revoked" };

export type DeliveryTiming = {
  sourceMessageId: string;
  found: boolean;
  signalId?: string;
  sourceAt?: number;
  receivedAt?: number;
  committedAt?: number;
  creationTime?: number;
  deliveries: {
    customerChannelId: string;
    status: string;
    botReceivedAt?: number;
    postedAt?: number;
    customerMessageId?: string;
  }[];
};

export const refs = {
  signIn: makeFunctionReference<"action", SignInArgs, SignInResult>("auth:signIn"),
  latestCode: makeFunctionReference<"query", { to: string }, string | null>(
    "devMailbox:latestCodeFor",
  ),
  feedAccess: makeFunctionReference<
    "query",
    Record<string, never>,
    { locked: true; reason: string } | { locked: false; tiers: string[] }
  >("feed:access"),
  livePass: makeFunctionReference<
    "mutation",
    { tierKey?: string },
    { locked: true; reason: string } | { locked: false; pass: LivePass; renewAt: number }
  >("feed:livePass"),
  liveFeed: makeFunctionReference<"query", { pass: LivePass }, LiveFeed>("feed:live"),
  feedList: makeFunctionReference<
    "query",
    {
      paginationOpts: { numItems: number; cursor: string | null };
      filters?: { from?: number; to?: number };
    },
    FeedPage
  >("feed:list"),
  deliveryTimings: makeFunctionReference<"query", { sourceMessageIds: string[] }, DeliveryTiming[]>(
    "latency:deliveryTimings",
  ),
  insertSyntheticSignals: makeFunctionReference<
    "mutation",
    {
      tierKey: string;
      sourceGuildId: string;
      sourceChannelId: string;
      firstIndex: number;
      count: number;
    },
    { inserted: number }
  >("syntheticSignals:insertBatch"),
  mirrorWork: makeFunctionReference<"query", { secret: string; limit?: number }, unknown[]>(
    "mirror:work",
  ),
  roleWork: makeFunctionReference<"query", { secret: string; limit?: number }, unknown[]>(
    "roleSync:work",
  ),
};
