import { describe, expect, test } from "vitest";
import { backoffDelay, retry } from "../src/retry.js";

describe("retry", () => {
  test("retries retryable errors until success", async () => {
    let calls = 0;
    const retries: number[] = [];
    const result = await retry(
      () => {
        calls++;
        return calls < 3 ? Promise.reject(new Error("transient")) : Promise.resolve("ok");
      },
      {
        attempts: 5,
        baseDelayMs: 1,
        maxDelayMs: 2,
        isRetryable: () => true,
        onRetry: ({ attempt }) => retries.push(attempt),
      },
    );
    expect(result).toBe("ok");
    expect(calls).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  test("stops at once on a non-retryable error and after the last attempt", async () => {
    let calls = 0;
    await expect(
      retry(() => (calls++, Promise.reject(new Error("permanent"))), {
        attempts: 5,
        baseDelayMs: 1,
        maxDelayMs: 1,
        isRetryable: () => false,
      }),
    ).rejects.toThrow("permanent");
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      retry(() => (calls++, Promise.reject(new Error("again"))), {
        attempts: 3,
        baseDelayMs: 1,
        maxDelayMs: 1,
        isRetryable: () => true,
      }),
    ).rejects.toThrow("again");
    expect(calls).toBe(3);
  });

  test("honours a server delay hint, capped at the maximum", async () => {
    const delays: number[] = [];
    let calls = 0;
    await retry(() => (calls++ === 0 ? Promise.reject(new Error("429")) : Promise.resolve()), {
      attempts: 2,
      baseDelayMs: 1,
      maxDelayMs: 40,
      isRetryable: () => true,
      delayHintMs: () => 10_000,
      onRetry: ({ delayMs }) => delays.push(delayMs),
    });
    expect(delays).toEqual([40]);
  });

  test("backoff grows exponentially within the cap", () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const delay = backoffDelay(attempt, 100, 5000);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(Math.min(5000, 100 * 2 ** attempt));
    }
  });
});
