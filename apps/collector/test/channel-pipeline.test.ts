import { describe, expect, test } from "vitest";
import { ChannelPipeline, type Sent, type WriteHandle } from "../src/channel-pipeline.js";
import { sleep } from "../src/retry.js";

type Deferred<T> = { promise: Promise<T>; resolve: (value: T) => void; reject: (e: Error) => void };

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A transport that records the order in which writes are sent and lets the test confirm (or fail)
 * each one when it chooses, like a server answering mutations.
 */
class Transport {
  readonly sent: string[] = [];
  private readonly answers = new Map<string, Deferred<string>>();

  send(name: string): Sent<string> {
    this.sent.push(name);
    const answer = deferred<string>();
    this.answers.set(name, answer);
    return { confirmed: answer.promise };
  }

  confirm(name: string): void {
    this.answer(name).resolve(`${name} ok`);
  }

  fail(name: string, message = `${name} failed`): void {
    this.answer(name).reject(new Error(message));
  }

  private answer(name: string): Deferred<string> {
    const answer = this.answers.get(name);
    if (answer === undefined) throw new Error(`${name} was not sent`);
    return answer;
  }
}

/** Lets every queued microtask and timer callback run. */
const settle = () => sleep(5);

describe("ChannelPipeline", () => {
  test("sends a channel's writes in order without waiting for confirmations", async () => {
    const pipeline = new ChannelPipeline({ window: 8 });
    const transport = new Transport();
    const results = ["a", "b", "c", "d"].map((name) =>
      pipeline.write("ch", [name], () => Promise.resolve(transport.send(name))),
    );
    await settle();
    expect(transport.sent).toEqual(["a", "b", "c", "d"]);
    expect(pipeline.inFlight).toBe(4);
    expect(pipeline.depth).toBe(4);
    // Confirmations may come back in any grouping; each write gets its own answer.
    transport.confirm("c");
    transport.confirm("a");
    transport.confirm("d");
    transport.confirm("b");
    expect(await Promise.all(results)).toEqual(["a ok", "b ok", "c ok", "d ok"]);
    await settle();
    expect(pipeline.depth).toBe(0);
    expect(pipeline.peakInFlight).toBe(4);
  });

  test("a slow preparation holds back the writes behind it, so the send order is the arrival order", async () => {
    const pipeline = new ChannelPipeline();
    const transport = new Transport();
    const download = deferred<void>();
    void pipeline.write("ch", ["a"], async () => {
      await download.promise; // e.g. attachments still being fetched
      return transport.send("a");
    });
    void pipeline.write("ch", ["b"], () => Promise.resolve(transport.send("b")));
    await settle();
    expect(transport.sent).toEqual([]);
    download.resolve();
    await settle();
    expect(transport.sent).toEqual(["a", "b"]);
  });

  test("at most `window` writes of a channel are in flight; other channels are not held up", async () => {
    const pipeline = new ChannelPipeline({ window: 2 });
    const transport = new Transport();
    for (const name of ["a1", "a2", "a3", "a4"]) {
      void pipeline.write("a", [name], () => Promise.resolve(transport.send(name)));
    }
    void pipeline.write("b", ["b1"], () => Promise.resolve(transport.send("b1")));
    const sentOf = (channel: string) => transport.sent.filter((name) => name.startsWith(channel));
    await settle();
    expect(sentOf("a")).toEqual(["a1", "a2"]);
    expect(sentOf("b")).toEqual(["b1"]);
    transport.confirm("a2"); // any confirmation frees a slot
    await settle();
    expect(sentOf("a")).toEqual(["a1", "a2", "a3"]);
    transport.confirm("a1");
    await settle();
    expect(sentOf("a")).toEqual(["a1", "a2", "a3", "a4"]);
    expect(pipeline.peakInFlight).toBe(2);
  });

  test("a write waits for an in-flight write sharing a key, and so does everything behind it", async () => {
    const pipeline = new ChannelPipeline();
    const transport = new Transport();
    const write = (name: string, keys: string[]) =>
      pipeline.write("ch", keys, () => Promise.resolve(transport.send(name)));
    void write("create m1", ["m1"]);
    void write("create m2", ["m2"]);
    void write("delete m1", ["m1"]);
    void write("create m3", ["m3"]);
    await settle();
    expect(transport.sent).toEqual(["create m1", "create m2"]);
    transport.confirm("create m2"); // not the conflicting one
    await settle();
    expect(transport.sent).toEqual(["create m1", "create m2"]);
    transport.confirm("create m1");
    await settle();
    expect(transport.sent).toEqual(["create m1", "create m2", "delete m1", "create m3"]);
  });

  test("a failed confirmation rejects only its own write and frees its key", async () => {
    const pipeline = new ChannelPipeline();
    const transport = new Transport();
    const first = pipeline.write("ch", ["m1"], () => Promise.resolve(transport.send("v1")));
    const second = pipeline.write("ch", ["m1"], () => Promise.resolve(transport.send("v2")));
    await settle();
    transport.fail("v1");
    await expect(first).rejects.toThrow("v1 failed");
    await settle();
    expect(transport.sent).toEqual(["v1", "v2"]);
    transport.confirm("v2");
    expect(await second).toBe("v2 ok");
  });

  test("a preparation that throws rejects its write and the next one is sent", async () => {
    const pipeline = new ChannelPipeline();
    const transport = new Transport();
    const broken = pipeline.write("ch", ["a"], () => Promise.reject(new Error("bad attachment")));
    const next = pipeline.write("ch", ["b"], () => Promise.resolve(transport.send("b")));
    await expect(broken).rejects.toThrow("bad attachment");
    await settle();
    transport.confirm("b");
    expect(await next).toBe("b ok");
    await settle();
    expect(pipeline.depth).toBe(0);
  });

  test("holdBack (a write being retried) stops later sends until that write settles", async () => {
    const pipeline = new ChannelPipeline();
    const transport = new Transport();
    let retrying: WriteHandle | undefined;
    void pipeline.write("ch", ["a"], (handle) => {
      retrying = handle;
      return Promise.resolve(transport.send("a"));
    });
    void pipeline.write("ch", ["b"], () => Promise.resolve(transport.send("b")));
    await settle();
    expect(transport.sent).toEqual(["a", "b"]); // b was already in flight: it may overtake a
    retrying?.holdBack();
    void pipeline.write("ch", ["c"], () => Promise.resolve(transport.send("c")));
    transport.confirm("b");
    await settle();
    expect(transport.sent).toEqual(["a", "b"]); // c waits for a
    transport.confirm("a");
    await settle();
    expect(transport.sent).toEqual(["a", "b", "c"]);
  });

  test("holdBack called during the send takes effect once the write is in flight", async () => {
    const pipeline = new ChannelPipeline();
    const transport = new Transport();
    const retried = pipeline.write("ch", ["a"], (handle) => {
      const sent = transport.send("a");
      handle.holdBack();
      return Promise.resolve(sent);
    });
    void pipeline.write("ch", ["b"], () => Promise.resolve(transport.send("b")));
    await settle();
    expect(transport.sent).toEqual(["a"]);
    transport.fail("a");
    await expect(retried).rejects.toThrow("a failed");
    await settle();
    expect(transport.sent).toEqual(["a", "b"]);
  });

  test("an exclusive task starts after every earlier write is confirmed and runs alone", async () => {
    const pipeline = new ChannelPipeline();
    const transport = new Transport();
    const log: string[] = [];
    void pipeline.write("ch", ["a"], () => Promise.resolve(transport.send("a")));
    const backfill = pipeline.exclusive("ch", async () => {
      log.push("backfill start");
      await sleep(20);
      log.push("backfill end");
      return 3;
    });
    void pipeline.write("ch", ["b"], () => Promise.resolve(transport.send("b")));
    await settle();
    expect(log).toEqual([]);
    transport.confirm("a");
    await settle();
    expect(log).toEqual(["backfill start"]);
    expect(transport.sent).toEqual(["a"]);
    expect(await backfill).toBe(3);
    await settle();
    expect(transport.sent).toEqual(["a", "b"]);
  });

  test("an exclusive task that throws rejects and does not block the channel", async () => {
    const pipeline = new ChannelPipeline();
    const transport = new Transport();
    const failing = pipeline.exclusive("ch", () => {
      throw new Error("backfill failed");
    });
    const next = pipeline.write("ch", ["b"], () => Promise.resolve(transport.send("b")));
    await expect(failing).rejects.toThrow("backfill failed");
    await settle();
    transport.confirm("b");
    expect(await next).toBe("b ok");
  });

  test("a write arriving while others are in flight is sent at once (the loop does not wait)", async () => {
    const pipeline = new ChannelPipeline();
    const transport = new Transport();
    void pipeline.write("ch", ["a"], () => Promise.resolve(transport.send("a")));
    await settle();
    void pipeline.write("ch", ["b"], () => Promise.resolve(transport.send("b")));
    await settle();
    expect(transport.sent).toEqual(["a", "b"]);
    expect(pipeline.inFlight).toBe(2);
  });

  test("close stops intake; drain waits for queued and in-flight writes", async () => {
    const pipeline = new ChannelPipeline({ window: 1 });
    const transport = new Transport();
    const results = ["a", "b"].map((name) =>
      pipeline.write("ch", [name], () => Promise.resolve(transport.send(name))),
    );
    pipeline.close();
    expect(pipeline.isClosed).toBe(true);
    await expect(
      pipeline.write("ch", ["c"], () => Promise.resolve(transport.send("c"))),
    ).rejects.toThrow(/closed/);
    let drained = false;
    const draining = pipeline.drain().then(() => {
      drained = true;
    });
    await settle();
    transport.confirm("a");
    await settle();
    expect(drained).toBe(false);
    transport.confirm("b");
    await draining;
    expect(await Promise.all(results)).toEqual(["a ok", "b ok"]);
    expect(pipeline.depth).toBe(0);
    expect(transport.sent).toEqual(["a", "b"]);
  });

  test("refuses a window that is not a positive integer", () => {
    expect(() => new ChannelPipeline({ window: 0 })).toThrow(/positive integer/);
    expect(() => new ChannelPipeline({ window: 1.5 })).toThrow(/positive integer/);
  });
});
