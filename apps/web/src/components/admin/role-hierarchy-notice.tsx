"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import { formatTime } from "@/lib/format";
import { describeHierarchy } from "@/lib/role-hierarchy";

const TONE_CLASSES = {
  warning: "border-amber-500/60 bg-amber-950/40 text-amber-100",
  ok: "border-emerald-700/60 bg-emerald-950/30 text-emerald-100",
  unknown: "border-zinc-700 bg-zinc-900 text-zinc-200",
} as const;

/** The paid-role hierarchy check: a warning when the bot's role cannot manage a paid role. */
export function RoleHierarchyNotice() {
  const status = useQuery(api.roleSync.hierarchyStatus, {});
  if (status === undefined) return <p className="text-sm text-zinc-400">Loading…</p>;
  const notice = describeHierarchy(status);
  return (
    <div
      role={notice.tone === "warning" ? "alert" : "status"}
      className={`flex flex-col gap-2 rounded-lg border p-3 text-sm ${TONE_CLASSES[notice.tone]}`}
    >
      <p className="font-semibold">
        {notice.tone === "warning" ? "⚠ " : ""}
        {notice.title}
      </p>
      {notice.action === null ? null : <p>{notice.action}</p>}
      {notice.roles.length === 0 ? null : (
        <ul className="list-inside list-disc">
          {notice.roles.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <p className="text-xs opacity-80">
        {notice.detail}
        {status.reportedAt === undefined
          ? ""
          : ` Reported ${formatTime(status.reportedAt)} by ${status.instanceId ?? "the mirror"}.`}
      </p>
    </div>
  );
}
