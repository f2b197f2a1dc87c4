import { describe, expect, test } from "vitest";
import {
  MAX_RETAINED,
  REVOKED_REISSUE_SPREAD_MS,
  mergeFeed,
  nextLiveFeedState,
  reissueDelayMs,
  renewDelayMs,
} from "./live-feed";

const item = (n: number) => ({ id: `s${n}`, postedAt: n, createdAt: n });
/** A head of `size` cards, newest first: newest, newest-1, … */
const head = (newest: number, size = 10) =>
  Array.from({ length: size }, (_, i) => item(newest - i));
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe("nextLiveFeedState", () => {
  test("no history while the head holds every signal", () => {
    const state = nextLiveFeedState(null, head(5, 5), true, 1);
    expect(state.anchor).toBeNull();
    expect(state.retained).toEqual([]);
  });

  test("first full head: the anchor goes to its middle, so head and history overlap", () => {
    expect(nextLiveFeedState(null, head(100), false, 1)).toMatchObject({
      anchor: 95,
      anchorEpoch: 1,
    });
  });

  test("within a window the anchor stays; slid-out cards are retained, not lost", () => {
    let state = nextLiveFeedState(null, head(100), false, 1);
    state = nextLiveFeedState(state, head(105), false, 1); // oldest 96 > anchor 95: a gap
    expect(state.anchor).toBe(95);
    expect(ids(state.retained)).toEqual(["s95", "s94", "s93", "s92", "s91"]);
    // Every card from 105 down to 86 is shown, once each, newest first.
    const shown = mergeFeed(state, head(95, 10)); // history: ≤ anchor 95
    expect(ids(shown)).toEqual(ids(head(105, 20)));
  });

  test("a new pass window moves the anchor to close the gap", () => {
    let state = nextLiveFeedState(null, head(100), false, 1);
    state = nextLiveFeedState(state, head(105), false, 1);
    state = nextLiveFeedState(state, head(106), false, 2);
    expect(state).toMatchObject({ anchor: 101, anchorEpoch: 2 });
    // No gap in the next window: the anchor stays where it is.
    expect(nextLiveFeedState(state, head(107), false, 3).anchor).toBe(101);
  });

  test("a burst that skips past unseen cards moves the anchor at once", () => {
    let state = nextLiveFeedState(null, head(100), false, 1);
    state = nextLiveFeedState(state, head(112), false, 1); // 101 and 102 were never in a head
    expect(state).toMatchObject({ anchor: 107, anchorEpoch: 1 });
    const shown = mergeFeed(state, head(107, 10)); // the new history brings 102, 101
    expect(ids(shown)).toEqual(ids(head(112, 22)));
  });

  test("retains at most MAX_RETAINED cards", () => {
    let state = nextLiveFeedState(null, head(100), false, 1);
    for (let newest = 110; newest <= 100 + 2 * MAX_RETAINED; newest += 10) {
      state = nextLiveFeedState(state, head(newest), false, 1);
    }
    expect(state.retained).toHaveLength(MAX_RETAINED);
    expect(state.retained[0]?.createdAt).toBe(100 + 2 * MAX_RETAINED - 10);
  });
});

describe("mergeFeed", () => {
  test("head first, then older cards; the head's copy wins, then history's over retained", () => {
    const state = {
      head: [
        { ...item(5), v: "head" },
        { ...item(4), v: "head" },
      ],
      complete: false,
      anchor: 4,
      anchorEpoch: 1,
      retained: [{ ...item(3), v: "retained" }],
    };
    const history = [
      { ...item(4), v: "history" },
      { ...item(3), v: "history" },
      { ...item(1), v: "history" },
    ];
    expect(mergeFeed(state, history).map((i) => `${i.id}:${i.v}`)).toEqual([
      "s5:head",
      "s4:head",
      "s3:history",
      "s1:history",
    ]);
  });
});

describe("feed order: by post time, like the server's index", () => {
  // Imported history reaches us today but was posted long ago: ingest time would put it on top.
  const imported = (posted: number, created: number) => ({
    id: `h${posted}`,
    postedAt: posted,
    createdAt: created,
  });

  test("history imported after the live cards are ingested merges below them by post time", () => {
    const state = nextLiveFeedState(null, head(100), false, 1); // anchor: post time 95
    expect(state.anchor).toBe(95);
    const history = [item(91), imported(90.5, 10_000), item(90), imported(50, 10_001), item(40)];
    expect(ids(mergeFeed(state, history))).toEqual([
      ...ids(head(100)), // 100 … 91: the head as the server sent it
      "h90.5",
      "s90",
      "h50",
      "s40",
    ]);
  });

  test("retained cards and history interleave by post time, not by ingest time", () => {
    let state = nextLiveFeedState(null, head(100), false, 1);
    state = nextLiveFeedState(state, head(103), false, 1); // 93, 92, 91 slide out: retained
    const history = [imported(92.5, 10_000), item(91), item(90)];
    const older = mergeFeed(state, history).slice(10);
    expect(ids(older)).toEqual(["s93", "h92.5", "s92", "s91", "s90"]);
  });

  test("equal post times: the later ingested first, then the id (the index's own tiebreak)", () => {
    const state = nextLiveFeedState(null, [item(10)], true, 1);
    const history = [
      { id: "a", postedAt: 5, createdAt: 1 },
      { id: "b", postedAt: 5, createdAt: 2 },
      { id: "c", postedAt: 5, createdAt: 2 },
    ];
    const merged = mergeFeed({ ...state, complete: false, anchor: 10 }, history);
    expect(ids(merged)).toEqual(["s10", "c", "b", "a"]);
  });

  test("the anchor is a post time (the history query bounds the post time with it)", () => {
    const ingestedLate = head(100).map((card) => ({ ...card, createdAt: 10_000 + card.postedAt }));
    expect(nextLiveFeedState(null, ingestedLate, false, 1).anchor).toBe(95);
  });
});

describe("renewDelayMs", () => {
  test("waits until the next window opens, plus up to 20 s of spread", () => {
    expect(renewDelayMs(60_000, 50_000, 0)).toBe(10_000);
    expect(renewDelayMs(60_000, 50_000, 1)).toBe(30_000);
    expect(renewDelayMs(60_000, 70_000, 0.5)).toBe(10_000);
  });
});

describe("reissueDelayMs", () => {
  test("a revoked pass is re-issued spread over 2 s; an expired or invalid one at once", () => {
    expect(reissueDelayMs("revoked", 0)).toBe(0);
    expect(reissueDelayMs("revoked", 0.5)).toBe(REVOKED_REISSUE_SPREAD_MS / 2);
    expect(reissueDelayMs("revoked", 0.999)).toBeLessThanOrEqual(REVOKED_REISSUE_SPREAD_MS);
    expect(reissueDelayMs("expired", 0.7)).toBe(0);
    expect(reissueDelayMs("invalid", 0.7)).toBe(0);
  });
});
