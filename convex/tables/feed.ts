import { defineTable } from "convex/server";
import { v } from "convex/values";

export const feedTables = {
  /**
   * One row per tier whose live passes were ever invalidated: the pass epoch. A live pass names
   * the epoch it was issued in and `feed.live` (shared by every viewer of the tier) refuses any
   * other, so bumping it when someone loses access kills every outstanding pass of the tier at once.
   */
  livePassEpochs: defineTable({
    tierKey: v.string(),
    epoch: v.number(),
    bumpedAt: v.number(),
  }).index("by_tier", ["tierKey"]),
};
