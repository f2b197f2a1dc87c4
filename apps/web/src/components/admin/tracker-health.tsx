"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import { formatTime } from "@/lib/format";

/**
 * The outcome tracker's heartbeat (trackerHealth.status): up or down, whether it holds the lease,
 * the newest trade it received and how late, and what it follows.
 */
export function TrackerHealth() {
  const status = useQuery(api.trackerHealth.status, {});
  if (status === undefined) return <p className="text-sm text-zinc-400">Loading…</p>;
  if (status.instances.length === 0) {
    return <p className="text-sm text-zinc-400">The tracker has not reported a heartbeat yet.</p>;
  }
  return (
    <ul data-testid="tracker-health" className="flex flex-col gap-2">
      {status.instances.map((t) => (
        <li key={t.instanceId} className="flex flex-wrap items-center gap-2 text-sm">
          <span aria-hidden className={t.healthy ? "text-emerald-400" : "text-rose-400"}>
            ●
          </span>
          <span className="text-white">tracker</span>
          <span className="text-zinc-500">{t.instanceId}</span>
          <span className="text-zinc-300">
            {t.active ? "tracking" : "standing by"} · {t.openTracks} open signals on {t.symbols}{" "}
            symbols · last tick{" "}
            {t.lastTradeAt === undefined ? "none yet" : formatTime(t.lastTradeAt, status.now)}
            {t.lagMs === undefined ? "" : ` · lag ${t.lagMs} ms`}
          </span>
          <span className="ml-auto text-zinc-400">
            {t.healthy ? "up" : "DOWN"} · last seen {formatTime(t.lastSeenAt, status.now)}
          </span>
        </li>
      ))}
    </ul>
  );
}
