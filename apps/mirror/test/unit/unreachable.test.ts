import { afterEach, describe, expect, test, vi } from "vitest";
import { whenUnreachable } from "../../src/unreachable.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("whenUnreachable", () => {
  test("resolves only after the connection has been down for the whole period", async () => {
    vi.useFakeTimers();
    let connected = true;
    let reached = false;
    const watch = whenUnreachable(() => connected, 1_000, 100);
    void watch.reached.then(() => (reached = true));
    connected = false;
    await vi.advanceTimersByTimeAsync(600);
    connected = true; // a reconnect starts the count again
    await vi.advanceTimersByTimeAsync(600);
    connected = false;
    await vi.advanceTimersByTimeAsync(900);
    expect(reached).toBe(false);
    await vi.advanceTimersByTimeAsync(300);
    expect(reached).toBe(true);
  });

  test("cancel stops watching", async () => {
    vi.useFakeTimers();
    let reached = false;
    const watch = whenUnreachable(() => false, 500, 100);
    void watch.reached.then(() => (reached = true));
    watch.cancel();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(reached).toBe(false);
  });
});
