// Full-text search as Convex answers it: BM25 relevance, only the last term matched as a
// prefix, filter fields, ties newest first, at most 1,024 results; and a subscription's read
// set narrowed to the search's filter values and terms instead of the whole table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend } from "../../src/backend.js";
import { Engine } from "../../src/engine/engine.js";
import { type DocumentChange, DocumentStore } from "../../src/storage/documentStore.js";
import { memoryFileStore } from "../../src/storage/fileStore.js";
import { ReadSet } from "../../src/storage/readSet.js";
import { httpClient } from "../helpers.js";
import { api } from "./app/convex/_generated/api.js";
import { MODULE_FORMATS, materializeApp } from "./materialize.js";
import { serveApp } from "./serve.js";

describe.each(MODULE_FORMATS)("search in a %s app", (format) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await serveApp(format);
  });
  afterAll(async () => {
    await backend?.close();
  });

  const post = async (channel: string, ...bodies: string[]) => {
    const client = httpClient(backend);
    for (const body of bodies)
      await client.mutation(api.messages.send, { channel, author: "a", body });
  };
  const search = (text: string, channel?: string) =>
    httpClient(backend).query(
      api.messages.search,
      channel === undefined ? { text } : { text, channel },
    );

  it("weighs how often a term occurs against how long the text is (BM25)", async () => {
    // First in this backend, so these three texts are the whole corpus (average length 16/3).
    await post(
      "weight",
      "pump dump",
      "pump pump pump dump",
      "pump and a much longer message about nothing at all",
    );
    expect(await search("pump", "weight")).toEqual([
      "pump pump pump dump",
      "pump dump",
      "pump and a much longer message about nothing at all",
    ]);
  });

  it("ranks by relevance, not by age", async () => {
    await post("rank", "bitcoin long", "eth breakout", "bitcoin breakout confirmed");
    expect(await search("bitcoin breakout", "rank")).toEqual([
      "bitcoin breakout confirmed",
      // One term each, equally rare and equally long: a tie, so the newer comes first.
      "eth breakout",
      "bitcoin long",
    ]);
  });

  it("matches only the last term as a prefix", async () => {
    await post("prefix", "breakout confirmed", "break even");
    expect(await search("break out", "prefix")).toEqual(["break even"]);
    expect((await search("bre", "prefix")).sort()).toEqual(["break even", "breakout confirmed"]);
    expect(await search("breakout conf", "prefix")).toEqual(["breakout confirmed"]);
  });

  it("breaks ties newest first", async () => {
    await post("ties", "same text one", "same text two", "same text six");
    expect(await search("same", "ties")).toEqual([
      "same text six",
      "same text two",
      "same text one",
    ]);
  });

  it("applies the filter fields", async () => {
    await post("filter-a", "filtered signal");
    await post("filter-b", "filtered signal too");
    expect(await search("filtered", "filter-a")).toEqual(["filtered signal"]);
  });

  it("returns at most 1,024 results", async () => {
    await httpClient(backend).mutation(api.messages.seed, {
      channel: "cap",
      body: "capped",
      count: 1100,
    });
    expect(await search("capped", "cap")).toHaveLength(1024);
  });
});

describe("a search's read set", () => {
  let engine: Engine;
  const commits: DocumentChange[][] = [];
  beforeAll(async () => {
    engine = await Engine.load({
      functionsDir: materializeApp("commonjs", "search-read-set"),
      store: new DocumentStore(),
      files: memoryFileStore(),
      clock: Engine.initialClock(),
      onCommit: (changes) => void commits.push(changes),
      urls: { uploadUrl: () => "", storageUrl: () => "" },
    });
  });
  afterAll(async () => {
    await engine?.close();
  });

  const send = (channel: string, body: string) =>
    engine.runMutation("messages:send", { channel, author: "a", body }, null);

  it("is touched only by documents with its filter values whose text holds its terms", async () => {
    await send("watched", "alpha signal");
    const readSet = new ReadSet();
    await engine.runQuery(
      "messages:search",
      { text: "alpha sig", channel: "watched" },
      null,
      readSet,
    );
    commits.length = 0;
    await send("elsewhere", "alpha signal");
    await send("watched", "unrelated words");
    expect(readSet.touchedBy(commits.flat())).toBe(false);
    await send("watched", "signature move");
    expect(readSet.touchedBy(commits.flat())).toBe(true);
  });
});
