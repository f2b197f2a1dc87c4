import { describe, expect, test } from "vitest";
import { KeyedSerialQueue } from "../src/channel-queue.js";
import { sleep } from "../src/retry.js";

describe("KeyedSerialQueue", () => {
  test("runs one key's tasks in order, one at a time, and keys concurrently", async () => {
    const queue = new KeyedSerialQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
    };
    const all = [
      queue.enqueue("a", task("a1", 30)),
      queue.enqueue("a", task("a2", 1)),
      queue.enqueue("b", task("b1", 5)),
    ];
    expect(queue.depth).toBe(3);
    await Promise.all(all);
    expect(log.indexOf("end a1")).toBeLessThan(log.indexOf("start a2"));
    expect(log.indexOf("end b1")).toBeLessThan(log.indexOf("end a1"));
    await sleep(0);
    expect(queue.depth).toBe(0);
  });

  test("a failed task does not block the next one of the same key", async () => {
    const queue = new KeyedSerialQueue();
    const failed = queue.enqueue("a", () => Promise.reject(new Error("boom")));
    const next = queue.enqueue("a", () => Promise.resolve("ok"));
    await expect(failed).rejects.toThrow("boom");
    expect(await next).toBe("ok");
  });

  test("close stops intake; drain waits for queued work", async () => {
    const queue = new KeyedSerialQueue();
    let done = false;
    void queue.enqueue("a", async () => {
      await sleep(20);
      done = true;
    });
    queue.close();
    await expect(queue.enqueue("a", () => Promise.resolve())).rejects.toThrow(/closed/);
    await queue.drain();
    expect(done).toBe(true);
  });
});
