import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.js";
import { DocumentStore, type DocumentChange } from "../src/storage/documentStore.js";
import { memoryFileStore } from "../src/storage/fileStore.js";
import { ReadSet } from "../src/storage/readSet.js";
import { FIXTURE_DIR } from "./helpers.js";

let engine: Engine;
const commits: DocumentChange[][] = [];
beforeAll(async () => {
  engine = await Engine.load({
    functionsDir: FIXTURE_DIR,
    store: new DocumentStore(),
    files: memoryFileStore(),
    clock: Engine.initialClock(),
    onCommit: (changes) => void commits.push(changes),
    urls: { uploadUrl: () => "", storageUrl: () => "" },
  });
});
afterAll(async () => {
  await engine.close();
});

const send = (channel: string) =>
  engine.runMutation("messages:send", { channel, author: "a", body: "b" }, null);

describe("engine", () => {
  it("holds writers back while a batch of queries reads one snapshot", async () => {
    let pending: Promise<unknown> = Promise.resolve();
    await engine.holdForReads(async () => {
      const before = await engine.runQuery("messages:count", { channel: "hold" }, null);
      pending = send("hold");
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await engine.runQuery("messages:count", { channel: "hold" }, null)).toBe(before);
    });
    await pending;
    expect(await engine.runQuery("messages:count", { channel: "hold" }, null)).toBe(1);
  });

  it("records index-range reads precise enough to skip unrelated commits", async () => {
    const readSet = new ReadSet();
    await engine.runQuery("messages:count", { channel: "mine" }, null, readSet);
    commits.length = 0;
    await send("other");
    expect(readSet.touchedBy(commits.flat())).toBe(false);
    await send("mine");
    expect(readSet.touchedBy(commits.flat())).toBe(true);
  });

  it("narrows a take() to the rows it scanned", async () => {
    for (let n = 0; n < 20; n++) await engine.runMutation("items:add", { n }, null);
    const readSet = new ReadSet();
    const rows = (await engine.runQuery(
      "points:range",
      { order: "asc", take: 2 },
      null,
      readSet,
    )) as unknown[];
    expect(rows).toHaveLength(0);
    const pageSet = new ReadSet();
    await engine.runQuery(
      "items:page",
      { paginationOpts: { numItems: 3, cursor: null } },
      null,
      pageSet,
    );
    commits.length = 0;
    await engine.runMutation("items:add", { n: -5 }, null); // below the first page (desc order)
    expect(pageSet.touchedBy(commits.flat())).toBe(false);
    await engine.runMutation("items:add", { n: 100 }, null); // inside the first page
    expect(pageSet.touchedBy(commits.flat())).toBe(true);
  });

  it("names the function that is missing, as Convex does (same text for module or export)", async () => {
    await expect(engine.resolve("messages:nope")).rejects.toThrow(
      "Could not find public function for 'messages:nope'.",
    );
    await expect(engine.resolve("nope:x")).rejects.toThrow(
      "Could not find public function for 'nope:x'.",
    );
  });
});
