import { describe, expect, it } from "vitest";
import { api } from "./fixture-app/convex/_generated/api.js";
import { eventually, httpClient, startFixture, tempDataDir } from "./helpers.js";

describe("persistence across restarts", () => {
  it("keeps documents, stored files and pending scheduled jobs", async () => {
    const dataDir = tempDataDir();
    const first = await startFixture({ dataDir });
    const http = httpClient(first);
    for (let i = 0; i < 3; i++)
      await http.mutation(api.messages.send, { channel: "keep", author: "a", body: `m${i}` });
    const uploadUrl = await http.mutation(api.files.uploadUrl, {});
    const upload = await fetch(uploadUrl, {
      method: "POST",
      headers: { "Content-Type": "text/csv" },
      body: "a,b\n1,2\n",
    });
    const { storageId } = (await upload.json()) as { storageId: string };
    await http.mutation(api.jobs.start, { tag: "after-restart", depth: 0, delayMs: 3000 });
    // Still pending when the first process stops, so only the restarted one can run it.
    expect(await http.query(api.jobs.scheduled, {})).toEqual([
      { name: "jobs:step", state: "pending" },
    ]);
    await first.close();

    const second = await startFixture({ dataDir });
    try {
      expect(second.adminKey).toBe(first.adminKey);
      const again = httpClient(second);
      expect(await again.query(api.messages.count, { channel: "keep" })).toBe(3);
      const url = await again.query(api.files.url, { storageId: storageId as never });
      const download = await fetch(url ?? "");
      // Served as an inert download (only raster images keep their type), while the stored
      // content type survives the restart in the file's metadata.
      expect(download.headers.get("content-type")).toBe("application/octet-stream");
      const metadata = await again.query(api.files.metadata, { storageId: storageId as never });
      expect(metadata?.contentType).toBe("text/csv");
      expect(await download.text()).toBe("a,b\n1,2\n");
      const fired = await eventually(
        () => again.query(api.jobs.events, { kind: "job" }),
        (e) => e.length === 1,
        8000,
      );
      expect(fired).toEqual(["after-restart:0"]);
      const jobs = await eventually(
        () => again.query(api.jobs.scheduled, {}),
        (j) => j[0]?.state === "success",
      );
      expect(jobs).toEqual([{ name: "jobs:step", state: "success" }]);
      await again.mutation(api.messages.send, { channel: "keep", author: "a", body: "after" });
    } finally {
      await second.close();
    }
    const third = await startFixture({ dataDir });
    try {
      expect(await httpClient(third).query(api.messages.count, { channel: "keep" })).toBe(4);
    } finally {
      await third.close();
    }
    const wiped = await startFixture({ dataDir, reset: true });
    try {
      expect(await httpClient(wiped).query(api.messages.count, { channel: "keep" })).toBe(0);
    } finally {
      await wiped.close();
    }
  });
});
