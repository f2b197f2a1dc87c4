"use client";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import { useMutation, usePaginatedQuery } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormNotice } from "@/components/ui/form-notice";
import { useMutationState } from "./use-mutation-state";
import { WebhookRow } from "./webhook-row";

const STATUSES = [
  "",
  "failed",
  "rejected",
  "received",
  "processed",
  "duplicate",
  "ignored",
] as const;
type Status = Exclude<(typeof STATUSES)[number], "">;

/** Webhook events, filtered by status and type; select any number to replay. */
export function WebhookList() {
  const [status, setStatus] = useState<Status | "">("");
  const [eventType, setEventType] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<Id<"webhookEvents">>>(new Set());
  const args = {
    ...(status === "" ? {} : { status }),
    ...(eventType.trim() === "" ? {} : { eventType: eventType.trim() }),
  };
  const {
    results,
    status: pageStatus,
    loadMore,
  } = usePaginatedQuery(api.webhookAdmin.list, args, {
    initialNumItems: 25,
  });
  const replay = useMutation(api.webhookAdmin.replay);
  const { pending, error, notice, run } = useMutationState();

  return (
    <div className="flex flex-col gap-3">
      <div className="grid grid-cols-2 gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="wh-status" className="text-xs text-zinc-400">
            Status
          </label>
          <select
            id="wh-status"
            className="rounded border border-zinc-700 bg-zinc-900 px-2 py-1.5 text-sm"
            value={status}
            onChange={(event) => setStatus(event.target.value as Status | "")}
          >
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {value === "" ? "Any" : value}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="wh-type" className="text-xs text-zinc-400">
            Event type
          </label>
          <input
            id="wh-type"
            placeholder="order.completed"
            className="rounded border border-zinc-700 bg-zinc-900 px-2 py-1.5 text-sm"
            value={eventType}
            onChange={(event) => setEventType(event.target.value)}
          />
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Button
          disabled={pending || selected.size === 0}
          onClick={() =>
            void run(
              async () => {
                const results = await replay({
                  ids: [...selected],
                  reason: "replayed from the admin console",
                });
                setSelected(new Set());
                return results;
              },
              `Replayed ${selected.size} event${selected.size === 1 ? "" : "s"}`,
            )
          }
        >
          Replay selected ({selected.size})
        </Button>
        <FormNotice message={notice} />
      </div>
      <FormError message={error} />
      {pageStatus === "LoadingFirstPage" ? <p className="text-zinc-400">Loading…</p> : null}
      {pageStatus !== "LoadingFirstPage" && results.length === 0 ? (
        <p className="text-zinc-400">No events.</p>
      ) : null}
      <ul className="flex flex-col gap-2">
        {results.map((event) => (
          <WebhookRow
            key={event.id}
            event={event}
            selected={selected.has(event.id)}
            onSelect={(on) =>
              setSelected((previous) => {
                const next = new Set(previous);
                if (on) next.add(event.id);
                else next.delete(event.id);
                return next;
              })
            }
          />
        ))}
      </ul>
      {pageStatus === "CanLoadMore" ? (
        <Button variant="secondary" onClick={() => loadMore(25)}>
          Load older events
        </Button>
      ) : null}
    </div>
  );
}
