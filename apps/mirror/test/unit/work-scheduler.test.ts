import { afterEach, describe, expect, test, vi } from "vitest";
import { WorkScheduler, type RunOutcome, type SchedulerItem } from "../../src/work-scheduler.js";

afterEach(() => {
  vi.useRealTimers();
});

function harness(
  options: { maxConcurrent?: number; outcome?: (item: SchedulerItem) => RunOutcome } = {},
) {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const scheduler = new WorkScheduler({
    owner: "me",
    maxConcurrent: options.maxConcurrent ?? 10,
    run: (item) =>
      new Promise<RunOutcome>((resolve) => {
        started.push(item.id);
        gates.set(item.id, () => resolve(options.outcome?.(item) ?? "ran"));
      }),
    onError: () => undefined,
  });
  const release = async (id: string) => {
    gates.get(id)?.();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  const finish = async (id: string) => {
    await release(id);
    expect(scheduler.inFlightIds()).not.toContain(id);
  };
  return { scheduler, started, finish, release };
}

const item = (
  id: string,
  group: string,
  dueAt = 0,
  extra: Partial<SchedulerItem> = {},
): SchedulerItem => ({
  id,
  group,
  dueAt,
  status: "pending",
  ...extra,
});

describe("WorkScheduler", () => {
  test("one item in flight per group, in due order; groups run side by side", async () => {
    const { scheduler, started, finish } = harness();
    scheduler.update([item("b1", "B", 2), item("a2", "A", 5), item("a1", "A", 1)]);
    expect(started).toEqual(["a1", "b1"]);
    await finish("a1");
    // The snapshot still lists a1 unchanged (stale): a1 is not run twice, a2 goes next.
    expect(started).toEqual(["a1", "b1", "a2"]);
    await finish("a2");
    scheduler.update([item("b1", "B", 2)]);
    expect(started).toEqual(["a1", "b1", "a2"]);
  });

  test("respects the global concurrency limit", () => {
    const { scheduler, started } = harness({ maxConcurrent: 2 });
    scheduler.update([item("a", "A"), item("b", "B"), item("c", "C")]);
    expect(started).toHaveLength(2);
  });

  test("future work runs when due, from a timer (no polling of Convex)", () => {
    vi.useFakeTimers({ now: 1_000 });
    const { scheduler, started } = harness();
    scheduler.update([item("later", "A", 6_000)]);
    expect(started).toEqual([]);
    vi.advanceTimersByTime(4_999);
    expect(started).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(started).toEqual(["later"]);
  });

  test("skips leases of other owners until they expire, and its own leases", () => {
    vi.useFakeTimers({ now: 1_000 });
    const { scheduler, started } = harness();
    scheduler.update([
      item("theirs", "A", 3_000, { status: "leased", leaseOwner: "other" }),
      item("mine", "B", 0, { status: "leased", leaseOwner: "me" }),
    ]);
    expect(started).toEqual([]);
    vi.advanceTimersByTime(2_000);
    expect(started).toEqual(["theirs"]);
  });

  test("a busy claim is not retried until the next snapshot; a deferral waits its time", async () => {
    vi.useFakeTimers({ now: 0, toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { scheduler, started, finish } = harness({
      outcome: (work) => (work.id === "busy" ? "busy" : { retryAt: 500 }),
    });
    scheduler.update([item("busy", "A"), item("wait", "B")]);
    await finish("busy");
    await finish("wait");
    expect(started).toEqual(["busy", "wait"]);
    vi.advanceTimersByTime(499);
    expect(started).toEqual(["busy", "wait"]);
    vi.advanceTimersByTime(1);
    expect(started).toEqual(["busy", "wait", "wait"]);
    scheduler.update([item("busy", "A")]);
    expect(started).toEqual(["busy", "wait", "wait", "busy"]);
  });

  test("'again' runs the item once more at once; a fresh snapshot is trusted", async () => {
    const { scheduler, started, release } = harness({ outcome: () => "again" });
    scheduler.update([item("a", "A")]);
    await release("a");
    expect(started).toEqual(["a", "a"]);
  });

  test("creates start in fan-out order; a later create waits while an earlier one backs off", async () => {
    vi.useFakeTimers({ now: 1_000, toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { scheduler, started, finish } = harness();
    scheduler.update([item("c2", "B", 0, { order: 2 }), item("c1", "B", 0, { order: 1 })]);
    expect(started).toEqual(["c1"]);
    await finish("c1");
    started.length = 0;
    // c1 failed and backs off until 3,000: c3 (later) waits; an edit of an older post does not.
    scheduler.update([
      item("c1", "A", 3_000, { order: 1 }),
      item("c3", "A", 0, { order: 3 }),
      item("edit", "A", 500),
    ]);
    expect(started).toEqual(["edit"]);
    await finish("edit");
    scheduler.update([item("c1", "A", 3_000, { order: 1 }), item("c3", "A", 0, { order: 3 })]);
    expect(started).toEqual(["edit"]);
    vi.advanceTimersByTime(2_000);
    expect(started).toEqual(["edit", "c1"]);
    await finish("c1");
    scheduler.update([item("c3", "A", 0, { order: 3 })]);
    expect(started).toEqual(["edit", "c1", "c3"]);
  });

  test("drain stops new work and waits for the work in flight", async () => {
    const { scheduler, started, finish } = harness();
    scheduler.update([item("a", "A")]);
    let drained = false;
    const draining = scheduler.drain().then(() => {
      drained = true;
    });
    scheduler.update([item("b", "B")]);
    expect(started).toEqual(["a"]);
    expect(drained).toBe(false);
    await finish("a");
    await draining;
    expect(drained).toBe(true);
  });
});
