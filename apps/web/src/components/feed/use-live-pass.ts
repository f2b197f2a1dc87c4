"use client";

import { api } from "@convex/_generated/api";
import type { FunctionReturnType } from "convex/server";
import { useMutation } from "convex/react";
import { useCallback, useEffect, useState } from "react";
import { renewDelayMs } from "@/lib/live-feed";

export type LivePass = Extract<
  FunctionReturnType<typeof api.feed.livePass>,
  { locked: false }
>["pass"];

const RETRY_MS = 5_000;

/**
 * The viewer's pass to the tier's shared live feed: asked for when the feed opens, renewed each
 * window (a credential refresh, not a data poll — signals still arrive over the subscription),
 * and again when the live query refuses it: at once when it expired (e.g. after the laptop
 * slept), within a couple of seconds when the tier's passes were revoked (lib/live-feed.ts).
 */
export function useLivePass(tierKey: string | undefined, enabled: boolean) {
  const issue = useMutation(api.feed.livePass);
  const [pass, setPass] = useState<LivePass | null>(null);
  // Each re-issue asked for, with how long to wait before asking the gate (spread on revocation).
  const [attempt, setAttempt] = useState({ count: 0, delayMs: 0 });

  useEffect(() => {
    if (!enabled) {
      setPass(null);
      return;
    }
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const renew = async () => {
      try {
        const result = await issue(tierKey === undefined ? {} : { tierKey });
        if (cancelled) return;
        if (result.locked) {
          setPass(null); // the access subscription shows the locked panel
          return;
        }
        setPass(result.pass);
        timer = setTimeout(
          () => void renew(),
          renewDelayMs(result.renewAt, Date.now(), Math.random()),
        );
      } catch {
        if (!cancelled) timer = setTimeout(() => void renew(), RETRY_MS);
      }
    };
    if (attempt.delayMs > 0) timer = setTimeout(() => void renew(), attempt.delayMs);
    else void renew();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [issue, tierKey, enabled, attempt]);

  /** Replaces the pass after `delayMs`; the current one (and what it showed) stays meanwhile. */
  const renewAfter = useCallback(
    (delayMs: number) => setAttempt(({ count }) => ({ count: count + 1, delayMs })),
    [],
  );
  return { pass, renewAfter };
}
