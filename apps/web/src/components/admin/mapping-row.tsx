"use client";

import { api } from "@convex/_generated/api";
import type { Doc } from "@convex/_generated/dataModel";
import { useMutation } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { MappingForm } from "./mapping-form";
import { useMutationState } from "./use-mutation-state";

export function MappingRow({ mapping }: { mapping: Doc<"channelMappings"> }) {
  const [editing, setEditing] = useState(false);
  const setEnabled = useMutation(api.channelMappings.setEnabled);
  const { pending, error, run } = useMutationState();
  if (editing) return <MappingForm mapping={mapping} onDone={() => setEditing(false)} />;
  return (
    <div
      data-testid="mapping-row"
      className="flex flex-col gap-2 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold text-white">{mapping.label}</h3>
        <span className="rounded bg-zinc-800 px-2 py-0.5 text-xs text-zinc-300">
          {mapping.tierKey}
        </span>
        <span
          className={`rounded px-2 py-0.5 text-xs ${mapping.enabled ? "bg-emerald-500/15 text-emerald-300" : "bg-zinc-700 text-zinc-300"}`}
        >
          {mapping.enabled ? "enabled" : "disabled"}
        </span>
      </div>
      <p className="break-all font-mono text-xs text-zinc-400">
        #{mapping.sourceChannelId} → #{mapping.customerChannelId}
      </p>
      <FormError message={error} />
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => setEditing(true)}>
          Edit
        </Button>
        <Button
          variant={mapping.enabled ? "danger" : "primary"}
          disabled={pending}
          onClick={() => {
            if (
              mapping.enabled &&
              !window.confirm(`Disable "${mapping.label}"? New signals stop mirroring.`)
            )
              return;
            void run(() => setEnabled({ id: mapping._id, enabled: !mapping.enabled }), "Updated");
          }}
        >
          {mapping.enabled ? "Disable" : "Enable"}
        </Button>
      </div>
    </div>
  );
}
