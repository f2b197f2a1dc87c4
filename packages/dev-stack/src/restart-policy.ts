/**
 * When a supervised service that died is started again — the local equivalent of systemd's
 * `Restart=on-failure` with `RestartSec` doubling up to a cap, `StartLimitBurst`, and a reset once
 * the service has run long enough to count as healthy.
 */
export type RestartPolicy = {
  /** Wait before the first restart after a stable run (systemd `RestartSec`). */
  initialDelayMs: number;
  /** The wait doubles with each consecutive failure up to this cap (`RestartMaxDelaySec`). */
  maxDelayMs: number;
  /** A run at least this long counts as stable: the next failure starts the backoff over. */
  resetAfterMs: number;
  /** Consecutive quick failures restarted before giving up (`StartLimitBurst`). */
  burst: number;
};

/** 1 s doubling to 30 s; reset after a minute of running; give up after 6 quick failures in a row (≈ 1 min of trying). */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  resetAfterMs: 60_000,
  burst: 6,
};

export type RestartDecision =
  | { restart: true; delayMs: number; consecutiveFailures: number }
  | { restart: false; reason: "clean-exit" | "burst-limit"; consecutiveFailures: number };

/**
 * Decides what to do after a run ended on its own.
 * `previousFailures` counts the quick failures in a row before this one; `ranMs` is how long this
 * run lasted. A clean exit (code 0, no signal) is not a failure and is not restarted (on-failure).
 */
export function decideRestart(
  policy: RestartPolicy,
  exit: { code: number | null; signal: NodeJS.Signals | null; ranMs: number },
  previousFailures: number,
): RestartDecision {
  const streak = exit.ranMs >= policy.resetAfterMs ? 0 : previousFailures;
  if (exit.code === 0 && exit.signal === null) {
    return { restart: false, reason: "clean-exit", consecutiveFailures: streak };
  }
  const consecutiveFailures = streak + 1;
  if (consecutiveFailures > policy.burst) {
    return { restart: false, reason: "burst-limit", consecutiveFailures };
  }
  const delayMs = Math.min(
    policy.maxDelayMs,
    policy.initialDelayMs * 2 ** (consecutiveFailures - 1),
  );
  return { restart: true, delayMs, consecutiveFailures };
}
