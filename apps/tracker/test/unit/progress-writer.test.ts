import { DEFAULT_RULES, startTrack } from "@g3/outcomes";
import { createServiceLogger } from "@g3/service-runtime";
import { captureLines } from "@g3/service-runtime/testing";
import type { ConvexHttpClient } from "convex/browser";
import { expect, test } from "vitest";
import { appError } from "../../../../convex/model/errors.js";
import type { Id } from "../../src/convex-api.js";
import { ProgressWriter } from "../../src/progress-writer.js";
import { TrackBook, type Track } from "../../src/track-book.js";

function oneTrack(): { book: TrackBook; track: Track } {
  const book = new TrackBook(DEFAULT_RULES);
  const levels = {
    side: "long" as const,
    entryType: "market" as const,
    entries: [],
    targets: [110],
    stop: 90,
  };
  const track: Track = {
    signalId: "s1" as Id<"signals">,
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
