import { describe, expect, test } from "vitest";
import { driftRepairs } from "../../src/drift-repair.js";
import { contentHash } from "../../src/render.js";
import { driftRow, driftWindow } from "./fixtures.js";

const BOT = "900";

describe("driftRepairs", () => {
  test("a deleted and an edited customer message are repaired; a clean one is not", () => {
    const repairs = driftRepairs({
      mapping: driftWindow([
        driftRow("s1", { customerMessageId: "101", content: "one" }),
        driftRow("s2", { customerMessageId: "102", content: "two" }),
        driftRow("s3", { customerMessageId: "103", content: "three" }),
      ]),
      history: [
        { id: "101", authorId: BOT, content: "one" },
        { id: "103", authorId: BOT, content: "three, edited by someone" },
      ],
      fullPage: false,
    });
    expect(repairs).toEqual([
      {
        deliveryId: "d-s2",
        customerMessageId: "102",
        contentHash: contentHash("two"),
        problem: "missing",
      },
      {
        deliveryId: "d-s3",
        customerMessageId: "103",
        contentHash: contentHash("three"),
        problem: "changed",
      },
    ]);
  });

  test("rows in the queue, deleted signals, unknown renders and messages out of sight are left alone", () => {
    const repairs = driftRepairs({
      mapping: driftWindow([
        driftRow("behind", { customerMessageId: "301", content: "x", synced: false }),
        driftRow("deleted", { customerMessageId: "302", content: "y", live: false }),
        driftRow("no-hash", { customerMessageId: "303" }),
        driftRow("never-posted", { content: "z" }),
        driftRow("older", { customerMessageId: "150", content: "old" }), // before the page's oldest
      ]),
      history: [
        { id: "300", authorId: BOT, content: "newer" },
        { id: "299", authorId: BOT, content: "newer still" },
      ],
      fullPage: true,
    });
    expect(repairs).toEqual([]);
  });

  test("when the history is the whole channel, an old message that is gone is repaired too", () => {
    const repairs = driftRepairs({
      mapping: driftWindow([driftRow("older", { customerMessageId: "150", content: "old" })]),
      history: [{ id: "300", authorId: BOT, content: "newer" }],
      fullPage: false,
    });
    expect(repairs.map((repair) => repair.deliveryId)).toEqual(["d-older"]);
  });
});
