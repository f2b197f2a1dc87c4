import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
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

describe("background compaction", () => {
  const put = (n: number, extra: Record<string, unknown> = {}) => ({
    table: "things",
    id: doc(n)._id,
    before: null,
    after: doc(n, extra),
  });
  const drop = (n: number) => ({ table: "things", id: doc(n)._id, before: doc(n), after: null });
  const ids = (docs: readonly Doc[]) => docs.map((d) => d._id).sort();
  const many = (count: number) => Array.from({ length: count }, (_, n) => doc(n));

  it("keeps the commits made while it writes, and leaves one snapshot and an empty log", async () => {
    const dir = tempDataDir();
    const persistence = new Persistence(dir);
    const before = many(3_000);
    persistence.append(
      before.map((d) => ({ ...put(0), id: d._id, after: d })),
      1n,
    );
    const running = persistence.compactInBackground(before);
    // Commits go on at once, into a fresh log, while the snapshot is written.
    persistence.append([drop(1)], 2n);
    persistence.append([put(5_000, { late: true })], 3n);
    await running;
    persistence.append([put(5_001)], 4n);
    expect(existsSync(join(dir, "commits.compacting.jsonl"))).toBe(false);
    const loaded = new Persistence(dir).load();
    expect(loaded.docs).toHaveLength(3_000 - 1 + 2);
    expect(loaded.docs.some((d) => d._id === doc(1)._id)).toBe(false);
    expect(loaded.docs.find((d) => d._id === doc(5_000)._id)?.late).toBe(true);
  });

  it("loses nothing when the process dies before the new snapshot lands", () => {
    const dir = tempDataDir();
    const persistence = new Persistence(dir);
    persistence.compact([doc(1), doc(2)]);
    persistence.append([put(3)], 1n);
    void persistence.compactInBackground([doc(1), doc(2), doc(3)]); // not awaited: the "crash"
    persistence.append([drop(2), put(4)], 2n);
    // What a SIGKILL now leaves: the old snapshot, the log being folded in, the fresh log.
    expect(ids(new Persistence(dir).load().docs)).toEqual(ids([doc(1), doc(3), doc(4)]));
  });

  it("loses nothing when the process dies after the snapshot landed but before the old log went", () => {
    const dir = tempDataDir();
    // The files of that moment, by hand: the new snapshot (documents 1–3 at the fold), the folded
    // log still there (its writes are already in the snapshot), and the newer writes.
    new Persistence(dir).compact([doc(1), doc(2, { v: 2 }), doc(3)]);
    writeFileSync(
      join(dir, "commits.compacting.jsonl"),
      `${JSON.stringify({
        ts: "1",
        w: [
          [doc(2)._id, { ...doc(2), v: 1 }],
          [doc(9)._id, null],
        ],
      })}\n` + `${JSON.stringify({ ts: "2", w: [[doc(2)._id, { ...doc(2), v: 2 }]] })}\n`,
    );
    writeFileSync(
      join(dir, "commits.jsonl"),
      `${JSON.stringify({ ts: "3", w: [[doc(3)._id, null]] })}\n`,
    );
    const loaded = new Persistence(dir).load();
    expect(ids(loaded.docs)).toEqual(ids([doc(1), doc(2)]));
    expect(loaded.docs.find((d) => d._id === doc(2)._id)?.v).toBe(2);
  });

  it("never lands an older snapshot over a newer one written meanwhile (shutdown)", async () => {
    const dir = tempDataDir();
    const persistence = new Persistence(dir);
    const running = persistence.compactInBackground(many(3_000));
    persistence.append([drop(1), put(5_000)], 2n);
    // The backend stops while the background snapshot is still being written.
    const now = [...many(3_000).filter((d) => d._id !== doc(1)._id), doc(5_000)];
    persistence.compact(now);
    await running;
    expect(ids(new Persistence(dir).load().docs)).toEqual(ids(now));
    expect(existsSync(join(dir, "snapshot.jsonl.background.tmp"))).toBe(false);
  });

  it("folds a log a failed compaction left behind into the next one, oldest first", () => {
    const dir = tempDataDir();
    writeFileSync(
      join(dir, "commits.compacting.jsonl"),
      `${JSON.stringify({
        ts: "1",
        w: [
          [doc(7)._id, doc(7)],
          [doc(1)._id, { ...doc(1), v: 1 }],
        ],
      })}\n`,
    );
    const persistence = new Persistence(dir);
    persistence.append([put(1, { v: 2 })], 2n);
    void persistence.compactInBackground([doc(7), doc(1, { v: 2 })]);
    const loaded = new Persistence(dir).load(); // before the snapshot lands
    expect(ids(loaded.docs)).toEqual(ids([doc(1), doc(7)]));
    expect(loaded.docs.find((d) => d._id === doc(1)._id)?.v).toBe(2);
  });

  it("runs one at a time", () => {
    const persistence = new Persistence(tempDataDir(), { compactAfterBytes: 10 });
    persistence.append([put(1, { padding: "x".repeat(100) })], 1n);
    expect(persistence.shouldCompact).toBe(true);
    const first = persistence.compactInBackground([doc(1)]);
    persistence.append([put(2, { padding: "x".repeat(100) })], 2n);
    expect(persistence.shouldCompact).toBe(false);
    expect(persistence.compactInBackground([doc(1), doc(2)])).toBe(first);
  });
});
