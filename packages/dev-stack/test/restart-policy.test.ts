import { describe, expect, test } from "vitest";
import { decideRestart, type RestartPolicy } from "../src/restart-policy.js";

const policy: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  resetAfterMs: 60_000,
  burst: 7,
};
const crash = { code: null, signal: "SIGKILL" as const, ranMs: 500 };

describe("decideRestart", () => {
  test("doubles from 1 s to the 30 s cap over consecutive quick failures, then gives up", () => {
    const delays: number[] = [];
    let failures = 0;
    for (;;) {
      const decision = decideRestart(policy, crash, failures);
      failures = decision.consecutiveFailures;
      if (!decision.restart) {
        expect(decision.reason).toBe("burst-limit");
        break;
      }
      delays.push(decision.delayMs);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(failures).toBe(8);
  });

  test("a stable run resets the backoff and the burst count", () => {
    const decision = decideRestart(policy, { code: 1, signal: null, ranMs: 60_000 }, 6);
    expect(decision).toEqual({ restart: true, delayMs: 1_000, consecutiveFailures: 1 });
  });

  test("a clean exit (code 0) is not restarted; a non-zero code or a signal is", () => {
    expect(decideRestart(policy, { code: 0, signal: null, ranMs: 10 }, 2)).toEqual({
      restart: false,
      reason: "clean-exit",
      consecutiveFailures: 2,
    });
    expect(decideRestart(policy, { code: 2, signal: null, ranMs: 10 }, 0).restart).toBe(true);
    expect(decideRestart(policy, { code: null, signal: "SIGTERM", ranMs: 10 }, 0).restart).toBe(
      true,
    );
  });
});
