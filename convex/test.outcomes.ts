// Test helpers for outcomes: the tracker's mutations as the tracker calls them, and the author's
// deletions and edits through ingest, as the collector reports them.
import { expect, vi } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type { TrackUpdate } from "./model/outcomes/trackerValidators";
import type { TestConvex } from "./test.roles";

/** Stub it as CONVEX_SERVICE_SECRET. */
export const SECRET = "test-service-secret";

export async function track(
  t: TestConvex,
  signalId: Id<"signals">,
  postedAt: number,
  marketSymbol = "BTCUSDT",
) {
  await t.mutation(api.tracker.acquire, { secret: SECRET, owner: "tr", leaseMs: 60_000 });
  await t.mutation(api.tracker.discovered, {
    secret: SECRET,
    owner: "tr",
    cursor: 1,
    started: [
      {
        start: { signalId, marketSymbol, postedAt, signalVersion: 1 },
        state: "{}",
      },
    ],
  });
}

export async function progress(t: TestConvex, update: TrackUpdate) {
  await t.mutation(api.tracker.recordProgress, { secret: SECRET, owner: "tr", updates: [update] });
  await settle(t);
}

/**
 * Runs what the last write scheduled — the statistics rollups a close (or a signal's deletion or
 * edit) has rebuilt right after it — with real or fake timers.
 */
export async function settle(t: TestConvex) {
  await t.finishAllScheduledFunctions(() => {
    if (vi.isFakeTimers()) vi.runOnlyPendingTimers();
  });
}

export async function messageOf(t: TestConvex, signalId: Id<"signals">) {
  const signal = await t.run((ctx) => ctx.db.get("signals", signalId));
  if (signal === null) throw new Error("no signal");
  return signal;
}

export async function removeMessage(t: TestConvex, signalId: Id<"signals">) {
  const signal = await messageOf(t, signalId);
  await t.mutation(api.ingest.deleteMessages, {
    secret: SECRET,
    channelId: signal.sourceChannelId,
    messageIds: [signal.sourceMessageId],
  });
  await settle(t);
}

export async function editMessage(t: TestConvex, signalId: Id<"signals">) {
  const signal = await messageOf(t, signalId);
  const result = await t.mutation(api.ingest.upsertMessage, {
    secret: SECRET,
    message: {
      messageId: signal.sourceMessageId,
      channelId: signal.sourceChannelId,
      guildId: signal.sourceGuildId,
      authorId: signal.authorId,
      authorName: signal.authorName,
      content: `${signal.content} (edited)`,
      attachments: [],
      sourceAt: signal.sourceAt,
      receivedAt: signal.receivedAt,
      editedAt: Date.now(),
      origin: "gateway",
    },
  });
  expect(result.outcome).toBe("edited");
  await settle(t);
}
