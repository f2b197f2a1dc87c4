import { DEFAULT_RULES, startTrack } from "@g3/outcomes";
import { createServiceLogger } from "@g3/service-runtime";
import { captureLines } from "@g3/service-runtime/testing";
import type { ConvexHttpClient } from "convex/browser";
import { expect, test } from "vitest";
import { appError } from "../../../../convex/model/shared/errors.js";
import type { Id } from "../../src/convex-api.js";
import { MAX_WRITES_IN_FLIGHT, ProgressWriter } from "../../src/progress-writer.js";
import { TrackBook, type Track } from "../../src/track-book.js";

function oneTrack(signalId = "s1"): { book: TrackBook; track: Track } {
  const book = new TrackBook(DEFAULT_RULES);
  const levels = {
    side: "long" as const,
    entryType: "market" as const,
    entries: [],
    targets: [110],
    stop: 90,
  };
  const track: Track = {
    signalId: signalId as Id<"signals">,
    symbol: "BTCUSDT",
    state: startTrack(levels, Date.UTC(2026, 11, 1)),
    claims: [],
    signalVersion: 1,
    savedEventCount: 0,
    savedCheckedThrough: 0,
    savedSignalVersion: 1,
    catchingUp: false,
    buffered: [],
    pendingActions: [],
    pendingEdits: [],
    cause: undefined,
  };
  book.add(track);
  return { book, track };
}

/** A writer whose first write is answered by `fail` (Convex's answer to recordProgress). */
function writerFailingWith(fail: Error) {
  const { book, track } = oneTrack();
  const { destination, lines } = captureLines();
  const logger = createServiceLogger({ service: "tracker", level: "info", destination });
  let leaseLost = 0;
  let calls = 0;
  const convex = {
    mutation: () => (calls++ === 0 ? Promise.reject(fail) : Promise.resolve(null)),
  } as unknown as ConvexHttpClient;
  const writer = new ProgressWriter(convex, "secret", "tracker-1", book, logger, () => leaseLost++);
  return { writer, track, lines, leaseLost: () => leaseLost };
}

test("a LEASE_LOST answer stops writing and hands the lease back, whatever its wording", async () => {
  const { writer, track, lines, leaseLost } = writerFailingWith(
    appError("LEASE_LOST", "Another tracker instance took over."),
  );
  writer.mark(track);
  await writer.idle();
  expect(leaseLost()).toBe(1);
  expect(lines.join("")).toContain("tracker.lease_lost");
});

test("any other failure is retried, not taken for a lost lease (even if its text says so)", async () => {
  const { writer, track, lines, leaseLost } = writerFailingWith(
    new Error("network: this tracker does not hold the lease of its socket"),
  );
  writer.mark(track);
  await writer.idle();
  expect(leaseLost()).toBe(0);
  expect(lines.join("")).toContain("tracker.write_failed");
  expect(writer.writes).toBe(1); // the retry went through
});

type Call = { signalIds: string[]; answer: () => void };

/** A writer whose Convex answers each recordProgress only when the test says so. */
function writerWithHeldAnswers(ids = ["s1", "s2"]) {
  const book = new TrackBook(DEFAULT_RULES);
  const tracks = ids.map((id) => {
    const { track } = oneTrack(id);
    book.add(track);
    return track;
  });
  const calls: Call[] = [];
  const convex = {
    mutation: (_fn: unknown, args: { updates: { signalId: string }[] }) =>
      new Promise((resolve) => {
        calls.push({
          signalIds: args.updates.map((u) => u.signalId),
          answer: () => resolve({ applied: args.updates.length }),
        });
      }),
  } as unknown as ConvexHttpClient;
  const { destination } = captureLines();
  const logger = createServiceLogger({ service: "tracker", level: "info", destination });
  const writer = new ProgressWriter(convex, "secret", "tracker-1", book, logger, () => undefined);
  return { writer, tracks, calls };
}

test("a change to another track is sent at once, not queued behind the write in flight", async () => {
  const { writer, tracks, calls } = writerWithHeldAnswers();
  const [a, b] = tracks;
  if (a === undefined || b === undefined) throw new Error("tracks");
  writer.mark(a);
  writer.mark(b);
  await Promise.resolve();
  // a's write is in flight and unanswered; b does not wait for it.
  expect(calls.map((c) => c.signalIds)).toEqual([["s1"], ["s2"]]);
  for (const c of calls) c.answer();
  await writer.idle();
  expect(writer.writes).toBe(2);
});

test("a track is never in two writes at once: its next change waits for its write to land", async () => {
  const { writer, tracks, calls } = writerWithHeldAnswers();
  const [a, b] = tracks;
  if (a === undefined || b === undefined) throw new Error("tracks");
  writer.mark(a);
  await Promise.resolve();
  writer.mark(a); // changed again while its first write is in flight
  writer.mark(b);
  await Promise.resolve();
  expect(calls.map((c) => c.signalIds)).toEqual([["s1"], ["s2"]]);
  calls[1]?.answer(); // b lands first: a's second write still waits for a's first
  await new Promise((r) => setTimeout(r, 0));
  expect(calls).toHaveLength(2);
  calls[0]?.answer();
  await new Promise((r) => setTimeout(r, 0));
  expect(calls.map((c) => c.signalIds)).toEqual([["s1"], ["s2"], ["s1"]]);
  calls[2]?.answer();
  await writer.idle();
  expect(writer.writes).toBe(3);
});

test("writes in flight are capped; what changes meanwhile goes into one next write", async () => {
  const ids = Array.from({ length: MAX_WRITES_IN_FLIGHT + 2 }, (_, i) => `s${i + 1}`);
  const { writer, tracks, calls } = writerWithHeldAnswers(ids);
  for (const t of tracks) writer.mark(t);
  await Promise.resolve();
  // One write per free slot, each with the first track changed; the rest wait for a slot.
  expect(calls.map((c) => c.signalIds)).toEqual(
    ids.slice(0, MAX_WRITES_IN_FLIGHT).map((id) => [id]),
  );
  calls[0]?.answer();
  await new Promise((r) => setTimeout(r, 0));
  expect(calls.map((c) => c.signalIds)[MAX_WRITES_IN_FLIGHT]).toEqual(
    ids.slice(MAX_WRITES_IN_FLIGHT),
  );
  for (const c of calls.slice(1)) c.answer();
  await writer.idle();
  expect(writer.writes).toBe(MAX_WRITES_IN_FLIGHT + 1);
});
