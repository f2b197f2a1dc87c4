"use client";

import type { FunctionReturnType } from "convex/server";
import type { api } from "@convex/_generated/api";
import { useState } from "react";
import { formatTime } from "@/lib/format";
import { WebhookDetail } from "./webhook-detail";

export type WebhookSummary = FunctionReturnType<typeof api.webhookAdmin.list>["page"][number];

const STATUS_CLASS: Record<string, string> = {
  processed: "bg-emerald-500/15 text-emerald-300",
  failed: "bg-rose-500/15 text-rose-300",
  rejected: "bg-rose-900/40 text-rose-200",
  received: "bg-sky-500/15 text-sky-300",
  duplicate: "bg-zinc-800 text-zinc-300",
  ignored: "bg-zinc-800 text-zinc-300",
};

export function WebhookRow({
  event,
  selected,
  onSelect,
}: {
  event: WebhookSummary;
  selected: boolean;
  onSelect: (on: boolean) => void;
}) {
  const [open, setOpen] = useState(false);
  const replayable = event.status !== "rejected" && event.status !== "duplicate";
  return (
    <li
      data-testid="webhook-row"
      className="flex flex-col gap-2 rounded-lg border border-zinc-800 bg-zinc-900/60 p-3 text-sm"
    >
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="checkbox"
          aria-label={`Select ${event.eventType} event ${event.id}`}
          disabled={!replayable}
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
        />
        <span className="font-mono text-white">{event.eventType}</span>
        <span className={`rounded px-2 py-0.5 text-xs ${STATUS_CLASS[event.status] ?? ""}`}>
          {event.status}
        </span>
        <span className="text-zinc-400">{event.customerEmail ?? "no email"}</span>
        <span className="ml-auto text-xs text-zinc-500">{formatTime(event.receivedAt)}</span>
      </div>
      <p className="text-xs text-zinc-400">
        {event.attempts} attempts · signature {event.verification}
        {event.rejectReason ? ` · ${event.rejectReason}` : ""}
      </p>
      {event.lastError ? (
        <p className="break-words font-mono text-xs text-rose-300">{event.lastError}</p>
      ) : null}
      <button
        type="button"
        className="self-start text-sky-300 underline"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? "Hide payload" : "Show payload"}
      </button>
      {open ? <WebhookDetail id={event.id} /> : null}
    </li>
  );
}
