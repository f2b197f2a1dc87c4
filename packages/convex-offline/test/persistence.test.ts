import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Doc } from "../src/engine/vendor/convexTest.js";
import { CorruptDataError, Persistence } from "../src/storage/persistence.js";
import { tempDataDir } from "./helpers.js";

const doc = (n: number, extra: Record<string, unknown> = {}): Doc => ({
  _id: `${10000 + n}things`,
  _creationTime: 1000 + n,
  n,
  ...extra,
});

describe("commit log and snapshot", () => {
  it("replays commits over the snapshot, including deletes, int64 and bytes", () => {
    const dir = tempDataDir();
    const persistence = new Persistence(dir);
    persistence.compact([doc(1), doc(2)]);
    persistence.append(
      [{ table: "things", id: doc(3)._id, before: null, after: doc(3, { big: 5n }) }],
      1n,
    );
    persistence.append([{ table: "things", id: doc(1)._id, before: doc(1), after: null }], 2n);
    persistence.append(
      [
        {
          table: "things",
          id: doc(2)._id,
          before: doc(2),
          after: doc(2, { bytes: new Uint8Array([9]).buffer }),
        },
      ],
      3n,
    );
    const loaded = new Persistence(dir).load();
    expect(loaded.skippedLines).toBe(0);
    const byId = new Map(loaded.docs.map((d) => [d._id, d]));
    expect(byId.has(doc(1)._id)).toBe(false);
    expect(byId.get(doc(3)._id)?.big).toBe(5n);
    expect(new Uint8Array(byId.get(doc(2)._id)?.bytes as ArrayBuffer)).toEqual(new Uint8Array([9]));
  });

  it("skips a torn last line (crash mid-append) and keeps earlier commits", () => {
    const dir = tempDataDir();
    const persistence = new Persistence(dir);
    persistence.append([{ table: "things", id: doc(1)._id, before: null, after: doc(1) }], 1n);
    appendFileSync(join(dir, "commits.jsonl"), '{"ts":"2","w":[["100');
    const loaded = new Persistence(dir).load();
    expect(loaded.docs.map((d) => d._id)).toEqual([doc(1)._id]);
    expect(loaded.skippedLines).toBe(1);
  });

  it("refuses an unreadable snapshot with a way out", () => {
    const dir = tempDataDir();
    new Persistence(dir).compact([doc(1)]);
    const path = join(dir, "snapshot.jsonl");
    writeFileSync(path, readFileSync(path, "utf8") + "{not json\n");
    expect(() => new Persistence(dir).load()).toThrow(CorruptDataError);
    expect(() => new Persistence(dir).load()).toThrow(/--reset/);
  });

  it("empties the log when compacting", () => {
    const dir = tempDataDir();
    const persistence = new Persistence(dir);
    persistence.append([{ table: "things", id: doc(1)._id, before: null, after: doc(1) }], 1n);
    persistence.compact([doc(1)]);
    expect(readFileSync(join(dir, "commits.jsonl"), "utf8")).toBe("");
    expect(new Persistence(dir).load().docs).toHaveLength(1);
  });
});
