"use client";

import { api } from "@convex/_generated/api";
import { useMutation } from "convex/react";
import { useEffect, useRef, useState } from "react";
import { MAX_SAMPLE_RATE, nextSampleRate } from "@/lib/latency-sampling";
import { useAlertPreference } from "./alert-preferences";
import { playAlertSound } from "./play-alert-sound";
import type { SignalCardData } from "./types";

/**
 * Notices signals that arrive on the live subscription after the first page was shown: marks them
 * new, counts them for the banner, optionally notifies/plays a sound, and reports a sample of
 * delivery latencies at a rate that adapts to the audience (lib/latency-sampling.ts). A change of
 * filters starts over (nothing is "new" in a fresh result).
 */
export function useNewSignals(results: SignalCardData[], ready: boolean, filterKey: string) {
  const seen = useRef<Set<string> | null>(null);
  const newestSeen = useRef(0);
  const lastFilterKey = useRef(filterKey);
  const [newIds, setNewIds] = useState<ReadonlySet<string>>(new Set());
  const [notify] = useAlertPreference("notify");
  const [sound] = useAlertPreference("sound");
  const reportSeen = useMutation(api.feed.reportSeen);
  const sampleRate = useRef(MAX_SAMPLE_RATE);

  useEffect(() => {
    if (lastFilterKey.current !== filterKey) {
      lastFilterKey.current = filterKey;
      seen.current = null;
      setNewIds(new Set());
    }
    if (!ready) return;
    if (seen.current === null) {
      seen.current = new Set(results.map((signal) => signal.id));
      newestSeen.current = Math.max(0, ...results.map((signal) => signal.postedAt));
      return;
    }
    const known = seen.current;
    // New means on top of the feed, which is ordered by post time: history imported meanwhile
    // (ingested now, posted long ago) shows up in older pages and is not announced.
    const arrived = results.filter(
      (signal) => !known.has(signal.id) && signal.postedAt > newestSeen.current,
    );
    results.forEach((signal) => known.add(signal.id));
    if (arrived.length === 0) return;
    newestSeen.current = Math.max(newestSeen.current, ...arrived.map((signal) => signal.postedAt));
    setNewIds((previous) => new Set([...previous, ...arrived.map((signal) => signal.id)]));
    for (const signal of arrived) {
      if (Math.random() >= sampleRate.current) continue;
      reportSeen({ signalId: signal.id }).then(
        (answer) => (sampleRate.current = nextSampleRate(sampleRate.current, answer)),
        () => undefined,
      );
    }
    if (sound) playAlertSound();
    if (notify && "Notification" in window && Notification.permission === "granted") {
      const first = arrived[0];
      const title =
        arrived.length === 1
          ? `New signal: ${first?.pair ?? "update"}`
          : `${arrived.length} new signals`;
      new Notification(title, { body: first?.content.slice(0, 140) ?? "", tag: "g3-signal" });
    }
  }, [results, ready, filterKey, notify, sound, reportSeen]);

  return { newIds, clear: () => setNewIds(new Set()) };
}
