"use client";

import { api } from "@convex/_generated/api";
import { useMutation, usePaginatedQuery } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormNotice } from "@/components/ui/form-notice";
import { formatTime } from "@/lib/format";
import { useMutationState } from "./use-mutation-state";

type Status = "pending" | "leased" | "done" | "failed";
const STATUSES: Status[] = ["failed", "pending", "leased", "done"];

/** Read-only lists of the mirror and role-sync queues; failed jobs can be put back (audited). */
export function QueueList({ queue }: { queue: "mirror" | "roleSync" }) {
  const [status, setStatus] = useState<Status>("failed");
  const mirror = usePaginatedQuery(
    api.workQueues.mirrorDeliveries,
    queue === "mirror" ? { status } : "skip",
    { initialNumItems: 25 },
  );
  const roles = usePaginatedQuery(
    api.workQueues.roleSyncJobs,
    queue === "roleSync" ? { status } : "skip",
    { initialNumItems: 25 },
  );
  const retryMirror = useMutation(api.workQueues.retryMirrorDelivery);
  const retryRole = useMutation(api.workQueues.retryRoleSyncJob);
  const { pending, error, notice, run } = useMutationState();
  const rows =
    queue === "mirror"
      ? mirror.results.map((row) => ({
          id: row._id,
          title: `signal ${row._id.slice(-6)} → #${row.customerChannelId}`,
          detail: `v${row.syncedVersion}/${row.targetVersion}`,
          attempts: row.attempts,
          nextAttemptAt: row.nextAttemptAt,
          lastError: row.lastError,
          retry: () => retryMirror({ id: row._id }),
        }))
      : roles.results.map((row) => ({
          id: row._id,
          title: `${row.action} role for Discord user ${row.discordUserId}`,
          detail: row.reason,
          attempts: row.attempts,
          nextAttemptAt: row.nextAttemptAt,
          lastError: row.lastError,
          retry: () => retryRole({ id: row._id }),
        }));
  const page = queue === "mirror" ? mirror : roles;
  return (
    <div className="flex flex-col gap-3">
      <label className="flex items-center gap-2 text-sm text-zinc-300">
        Status
        <select
          className="rounded border border-zinc-700 bg-zinc-900 px-2 py-1"
          value={status}
          onChange={(event) => setStatus(event.target.value as Status)}
        >
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      <FormError message={error} />
      <FormNotice message={notice} />
      {page.status === "LoadingFirstPage" ? <p className="text-zinc-400">Loading…</p> : null}
      {page.status !== "LoadingFirstPage" && rows.length === 0 ? (
        <p className="text-zinc-400">Nothing {status}.</p>
      ) : null}
      <ul className="flex flex-col gap-2">
        {rows.map((row) => (
          <li
            key={row.id}
            className="flex flex-col gap-1 rounded-lg border border-zinc-800 bg-zinc-900/60 p-3 text-sm"
          >
            <p className="text-white">{row.title}</p>
            <p className="text-zinc-400">
              {row.detail} · {row.attempts} attempts · next {formatTime(row.nextAttemptAt)}
            </p>
            {row.lastError ? (
              <p className="break-words font-mono text-xs text-rose-300">{row.lastError}</p>
            ) : null}
            {status === "failed" ? (
              <Button
                className="self-start"
                variant="secondary"
                disabled={pending}
                onClick={() => void run(row.retry, "Queued for retry")}
              >
                Retry
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {page.status === "CanLoadMore" ? (
        <Button variant="secondary" onClick={() => page.loadMore(25)}>
          Load more
        </Button>
      ) : null}
    </div>
  );
}
