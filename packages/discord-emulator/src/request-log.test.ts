import { describe, expect, it } from "vitest";
import { RingLog } from "./request-log.js";

describe("RingLog", () => {
  it("keeps the newest `capacity` entries with increasing ids and filters by since/limit", () => {
    const log = new RingLog<{ id: number; n: number }>(4);
    for (let n = 0; n < 11; n += 1) log.push({ n });
    const all = log.list();
    expect(all.map((e) => e.n)).toEqual([7, 8, 9, 10]);
    expect(all.map((e) => e.id)).toEqual([8, 9, 10, 11]);
    expect(log.list(9).map((e) => e.n)).toEqual([9, 10]);
    expect(log.list(0, 1).map((e) => e.n)).toEqual([10]);
    log.clear();
    expect(log.list()).toEqual([]);
    expect(log.push({ n: 99 }).id).toBe(12);
  });
});
