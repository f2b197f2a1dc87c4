import { describe, expect, test } from "vitest";
import {
  MAX_RETAINED,
  REVOKED_REISSUE_SPREAD_MS,
  mergeFeed,
  nextLiveFeedState,
  reissueDelayMs,
  renewDelayMs,
} from "./live-feed";

const item = (n: number) => ({ id: `s${n}`, createdAt: n });
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
