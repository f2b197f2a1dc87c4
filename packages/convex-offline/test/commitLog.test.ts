// The OCC commit log keeps exactly the commits a running transaction may still conflict with.
import { describe, expect, it } from "vitest";
import { CommitLog } from "../src/storage/commitLog.js";
import { type DocumentChange } from "../src/storage/documentStore.js";

const change = (id: string): DocumentChange => ({ table: "t", id, before: null, after: null });

describe("commit log", () => {
  it("shows a transaction the commits made after it began, and forgets them once none runs", () => {
    const log = new CommitLog();
    log.append([change("a")], "m:a"); // nobody running: nothing to keep
    expect(log.size).toBe(0);
    const first = log.begin();
    log.append([change("b")], "m:b");
    const second = log.begin();
    log.append([change("c")], null);
    expect([...log.since(first)].map((c) => c.changes[0]?.id)).toEqual(["b", "c"]);
    expect([...log.since(second)].map((c) => c.changes[0]?.id)).toEqual(["c"]);
    log.end(first);
    expect(log.size).toBe(1); // "b" can no longer conflict with anything running
    log.end(second);
    expect(log.size).toBe(0);
  });

  it("counts transactions that began at the same position separately", () => {
    const log = new CommitLog();
    const a = log.begin();
    const b = log.begin();
    log.append([change("x")], "m:x");
    log.end(a);
    expect([...log.since(b)]).toHaveLength(1);
    log.end(b);
    expect(log.size).toBe(0);
  });
});
