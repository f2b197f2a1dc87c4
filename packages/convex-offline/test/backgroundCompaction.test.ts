// The commit log is folded into a new snapshot once it outgrows its limit. That used to happen
// inside the commit that crossed the limit: every write and every subscriber waited while the
// whole data set was serialized and synced (about a second at 100k documents). Now it runs
// beside the commits: writes are answered while it works, and none is lost across restarts.
import { describe, expect, it } from "vitest";
import { type Logger } from "../src/log.js";
import { api } from "./fixture-app/convex/_generated/api.js";
import { eventually, httpClient, startFixture, tempDataDir } from "./helpers.js";

const BATCH = 500;

describe("compacting the data directory while the backend runs", () => {
  it("answers writes while the snapshot is written, and keeps every one across a restart", async () => {
    const dataDir = tempDataDir();
    const timeline: string[] = [];
    const logger: Logger = {
      log(_level, event) {
        if (event === "data.compacting" || event === "data.compacted") timeline.push(event);
      },
    };
    // About 20k small documents fill a megabyte of log: the fold starts a little past half way.
    const first = await startFixture({ dataDir, logger, compactAfterBytes: 1_000_000 });
    let written = 0;
    try {
      const http = httpClient(first);
      for (let batch = 0; batch < 40; batch++) {
        await http.mutation(api.items.addMany, { from: written, count: BATCH });
        written += BATCH;
        timeline.push("write answered");
      }
      await eventually(
        () => Promise.resolve(timeline.filter((event) => event === "data.compacted").length),
        (compacted) => compacted > 0,
      );
    } finally {
      await first.close();
    }
    const started = timeline.indexOf("data.compacting");
    const finished = timeline.indexOf("data.compacted");
    expect(started, timeline.join(", ")).toBeGreaterThan(0);
    expect(finished).toBeGreaterThan(started);
    // The writes sent after the fold began were answered before it finished.
    expect(timeline.slice(started, finished)).toContain("write answered");

    const second = await startFixture({ dataDir });
    try {
      const http = httpClient(second);
      expect(await http.query(api.items.between, { from: 0, to: written })).toHaveLength(written);
    } finally {
      await second.close();
    }
  });
});
