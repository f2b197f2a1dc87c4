"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import type { FunctionReturnType } from "convex/server";
import { useState } from "react";
import { HeadedSection } from "@/components/ui/headed-section";
import { formatTime } from "@/lib/format";
import { DriftReports } from "./drift-reports";
import { RoleHierarchyNotice } from "./role-hierarchy-notice";
import { SloChart } from "./slo-chart";
import { TrackerHealth } from "./tracker-health";

const HOP_TITLES: Record<string, string> = {
  committed_to_web: "Ingest → web dashboard",
  committed_to_bot: "Ingest → mirror bot",
  source_to_received: "Discord → collector",
  received_to_committed: "Collector → ingest",
  source_to_mirrored: "Discord → mirrored message",
};
const FEATURED = ["committed_to_web", "committed_to_bot"];

type Hop = FunctionReturnType<typeof api.health.overview>["latency"][number];

function HopChart({ hop }: { hop: Hop }) {
  return (
    <SloChart title={HOP_TITLES[hop.hop] ?? hop.hop} buckets={hop.buckets} summary={hop.overall} />
  );
}

function Count({ label, value }: { label: string; value: { count: number; capped: boolean } }) {
  return (
    <div className="rounded-lg border border-zinc-800 bg-zinc-900 p-3">
      <dt className="text-xs text-zinc-400">{label}</dt>
      <dd
        className={`text-2xl font-semibold ${value.count > 0 && label.includes("failed") ? "text-rose-300" : "text-white"}`}
      >
        {value.count}
        {value.capped ? "+" : ""}
      </dd>
    </div>
  );
}

/** Delivery health: bot heartbeats, queue depths, and the SLO percentiles as charts. */
export function HealthPanel() {
  const [windowMinutes, setWindowMinutes] = useState(60);
  const health = useQuery(api.health.overview, { windowMinutes });
  if (health === undefined) return <p className="text-zinc-400">Loading…</p>;
  const featured = health.latency.filter((hop) => FEATURED.includes(hop.hop));
  const others = health.latency.filter((hop) => !FEATURED.includes(hop.hop));
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="slo-title" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="slo-title" className="text-lg font-semibold text-white">
            Delivery SLO
          </h2>
          <label className="flex items-center gap-2 text-sm text-zinc-300">
            Window
            <select
              className="rounded border border-zinc-700 bg-zinc-900 px-2 py-1"
              value={windowMinutes}
              onChange={(event) => setWindowMinutes(Number(event.target.value))}
            >
              <option value={15}>15 min</option>
              <option value={60}>1 hour</option>
              <option value={360}>6 hours</option>
              <option value={1440}>24 hours</option>
            </select>
          </label>
        </div>
        {featured.map((hop) => (
          <HopChart key={hop.hop} hop={hop} />
        ))}
        <details>
          <summary className="cursor-pointer text-sm text-sky-300">Other hops</summary>
          <div className="mt-3 flex flex-col gap-3">
            {others.map((hop) => (
              <HopChart key={hop.hop} hop={hop} />
            ))}
          </div>
        </details>
      </section>
      <HeadedSection id="queues-title" title="Queues">
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <Count label="Mirror pending" value={health.queues.mirror.pending} />
          <Count label="Mirror failed" value={health.queues.mirror.failed} />
          <Count label="Role sync pending" value={health.queues.roleSync.pending} />
          <Count label="Role sync failed" value={health.queues.roleSync.failed} />
          <Count label="Webhooks failed" value={health.queues.failedWebhooks} />
        </dl>
      </HeadedSection>
      <HeadedSection id="roles-title" title="Paid-role hierarchy">
        <RoleHierarchyNotice />
      </HeadedSection>
      <HeadedSection id="drift-title" title="Mirror drift">
        <DriftReports />
      </HeadedSection>
      <HeadedSection id="services-title" title="Services">
        {health.services.length === 0 ? (
          <p className="text-sm text-zinc-400">No bot has reported a heartbeat yet.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {health.services.map((service) => (
              <li
                key={`${service.service}-${service.instanceId}`}
                className="flex items-center gap-2 text-sm"
              >
                <span
                  aria-hidden
                  className={service.healthy ? "text-emerald-400" : "text-rose-400"}
                >
                  ●
                </span>
                <span className="text-white">{service.service}</span>
                <span className="text-zinc-500">{service.instanceId}</span>
                <span className="ml-auto text-zinc-400">
                  {service.healthy ? "up" : "DOWN"} · last seen{" "}
                  {formatTime(service.lastSeenAt, health.now)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <TrackerHealth />
      </HeadedSection>
    </div>
  );
}
