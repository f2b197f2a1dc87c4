import { describe, expect, test } from "vitest";
import { checkDrift } from "../../src/drift.js";
import { summarizeDrift } from "../../src/drift-summary.js";
import { driftRow, driftWindow } from "./fixtures.js";

const BOT = "900";
const OTHER = "901";

describe("summarizeDrift", () => {
  test("a clean channel: every live signal shown once at its last render", () => {
    const summary = summarizeDrift({
      mapping: driftWindow([
        driftRow("s1", { customerMessageId: "101", content: "one" }),
        driftRow("s2", { customerMessageId: "102", content: "two" }),
        driftRow("s3", { live: false }), // deleted, its message gone
      ]),
      history: [
        { id: "101", authorId: BOT, content: "one" },
        { id: "102", authorId: BOT, content: "two" },
        { id: "103", authorId: OTHER, content: "a human's post is not ours to judge" },
      ],
      botUserId: BOT,
      fullPage: false,
      knownElsewhere: new Set(),
    });
    expect(summary).toEqual({
      windowSignals: 3,
      windowMessages: 2,
      missing: 0,
      duplicates: 0,
      stale: 0,
      orphans: 0,
      examples: { missing: [], duplicates: [], stale: [], orphans: [] },
    });
  });

  test("missing, duplicate, stale and orphan, with example ids", () => {
    const summary = summarizeDrift({
      mapping: driftWindow([
        driftRow("s1", { customerMessageId: "101", content: "one" }), // deleted by a moderator
        driftRow("s2", { customerMessageId: "102", content: "two" }), // re-posted after a crash
        driftRow("s3", { customerMessageId: "103", content: "three v2", synced: false }), // behind
        driftRow("s4", { live: false, customerMessageId: "104", content: "four" }), // delete not done
        driftRow("s5", { synced: false }), // never posted
      ]),
      history: [
        { id: "102", authorId: BOT, content: "two" },
        { id: "105", authorId: BOT, content: "two" },
        { id: "103", authorId: BOT, content: "three v1" },
        { id: "104", authorId: BOT, content: "four" },
        { id: "106", authorId: BOT, content: "a post no delivery accounts for" },
        { id: "107", authorId: BOT, content: "an older signal's post" },
      ],
      botUserId: BOT,
      fullPage: false,
      knownElsewhere: new Set(["107"]),
    });
    expect(summary).toEqual({
      windowSignals: 5,
      windowMessages: 5,
      missing: 2,
      duplicates: 1,
      stale: 1,
      orphans: 2,
      examples: {
        missing: ["s1", "s5"],
        duplicates: ["105"],
        stale: ["s3"],
        orphans: ["106", "104"],
      },
    });
  });

  test("on a full page, recorded messages older than the oldest fetched are not judged", () => {
    const summary = summarizeDrift({
      mapping: driftWindow([
        driftRow("s2", { customerMessageId: "200", content: "new" }),
        driftRow("s1", { customerMessageId: "150", content: "scrolled out" }),
      ]),
      history: [{ id: "200", authorId: BOT, content: "new" }],
      botUserId: BOT,
      fullPage: true,
      knownElsewhere: new Set(),
    });
    expect(summary).toMatchObject({ windowSignals: 1, missing: 0 });
    const partial = summarizeDrift({
      mapping: driftWindow([
        driftRow("s2", { customerMessageId: "200", content: "new" }),
        driftRow("s1", { customerMessageId: "150", content: "deleted" }),
      ]),
      history: [{ id: "200", authorId: BOT, content: "new" }],
      botUserId: BOT,
      fullPage: false,
      knownElsewhere: new Set(),
    });
    expect(partial).toMatchObject({ windowSignals: 2, missing: 1, examples: { missing: ["s1"] } });
  });
});

test("checkDrift keys actual messages with keyOfMessage when given", () => {
  const report = checkDrift(
    [{ key: "a", content: "x" }],
    [
      { id: "1", content: "x" },
      { id: "2", content: "x" },
    ],
    { keyOf: () => undefined, keyOfMessage: (message) => (message.id === "1" ? "a" : undefined) },
  );
  expect(report).toMatchObject({ missing: [], duplicates: [], unexpected: [{ id: "2" }] });
});
