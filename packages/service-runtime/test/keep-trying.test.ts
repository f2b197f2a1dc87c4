import { describe, expect, it } from "vitest";
import { keepTrying } from "../src/keep-trying";

function recorder() {
  const warnings: Record<string, unknown>[] = [];
  const waits: number[] = [];
  return {
    warnings,
    waits,
    logger: { warn: (fields: Record<string, unknown>) => void warnings.push(fields) },
    sleep: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

describe("keepTrying", () => {
  it("retries passing failures with growing waits until the attempt succeeds", async () => {
    const { warnings, waits, logger, sleep } = recorder();
    let calls = 0;
    const result = await keepTrying(
      () => {
        calls += 1;
        return calls < 8
          ? Promise.reject(new Error("This operation was aborted"))
          : Promise.resolve("ready");
      },
      {
        what: "Discord login",
        logger,
        sleep,
        isPermanent: () => false,
        initialDelayMs: 100,
        maxDelayMs: 1_000,
      },
    );
    expect(result).toBe("ready");
    expect(calls).toBe(8);
    expect(warnings).toHaveLength(7);
    expect(warnings[0]).toMatchObject({ event: "start.retry", what: "Discord login", attempt: 1 });
    // Full-jitter halves: each wait lies in [ceiling/2, ceiling], the ceiling doubling to the cap.
    const ceilings = [100, 200, 400, 800, 1_000, 1_000, 1_000];
    waits.forEach((ms, index) => {
      expect(ms).toBeGreaterThanOrEqual((ceilings[index] ?? 0) / 2);
      expect(ms).toBeLessThanOrEqual(ceilings[index] ?? 0);
    });
  });

  it("throws a permanent error at once, without waiting", async () => {
    const { warnings, waits, logger, sleep } = recorder();
    const invalid = Object.assign(new Error("An invalid token was provided."), {
      code: "TokenInvalid",
    });
    await expect(
      keepTrying(() => Promise.reject(invalid), {
        what: "Discord login",
        logger,
        sleep,
        isPermanent: (error) => (error as { code?: string }).code === "TokenInvalid",
      }),
    ).rejects.toBe(invalid);
    expect(waits).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("stops retrying when the service is asked to stop, with the last error", async () => {
    const { logger } = recorder();
    const stop = new AbortController();
    let calls = 0;
    const attempt = keepTrying(
      () => {
        calls += 1;
        return Promise.reject(new Error(`503 #${calls}`));
      },
      {
        what: "Discord login",
        logger,
        isPermanent: () => false,
        initialDelayMs: 60_000,
        signal: stop.signal,
      },
    );
    stop.abort();
    await expect(attempt).rejects.toThrow("503 #1");
    expect(calls).toBe(1);
  });
});
