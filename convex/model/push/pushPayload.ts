// What a push notification carries: no more than the signal's card shows its reader, and as
// little as the notification needs (push services see the size, never the content).
import type { Doc, Id } from "../../_generated/dataModel";
import { mirrorSummary } from "../mirror/mirrorSummary";

/** The service worker (apps/web/public/sw.js) reads exactly these fields. */
export type SignalPushPayload = {
  type: "signal";
  signalId: Id<"signals">;
  version: number;
  title: string;
  body: string;
  /** Same-origin path of the signal's page. */
  url: string;
  /** One notification per signal: an edit replaces it. */
  tag: string;
};

export type TestPushPayload = {
  type: "test";
  title: string;
  body: string;
  url: string;
  tag: string;
};

const MAX_BODY = 180;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= MAX_BODY ? flat : `${flat.slice(0, MAX_BODY - 1)}…`;
}

export function signalPushPayload(
  signal: Pick<
    Doc<"signals">,
    | "_id"
    | "version"
    | "pair"
    | "side"
    | "kind"
    | "content"
    | "parsed"
    | "correction"
    | "reviewReason"
    | "editedAt"
  >,
): SignalPushPayload {
  const head = [signal.pair ?? "New post", signal.side?.toUpperCase()].filter(Boolean).join(" ");
  // The card's rules: a shaky or disputed reading shows no levels (mirrorSummary says so).
  const summary = mirrorSummary(signal);
  return {
    type: "signal",
    signalId: signal._id,
    version: signal.version,
    title: signal.editedAt === undefined ? head : `${head} (edited)`,
    body: clip(summary ?? signal.content),
    url: `/signals/${signal._id}`,
    tag: `signal-${signal._id}`,
  };
}

export function testPushPayload(): TestPushPayload {
  return {
    type: "test",
    title: "G3netic notifications are on",
    body: "New signals that match your filters will appear here.",
    url: "/account",
    tag: "g3-test",
  };
}
