"use client";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import { useMutation } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { useMutationState } from "./use-mutation-state";

type Entitlement = {
  id: Id<"entitlements">;
  tierKey: string;
  source: string;
  status: string;
  accessUntil?: number;
  reason?: string;
};

const inputClass = "rounded border border-zinc-700 bg-zinc-900 px-2 py-1.5 text-sm";

/** One entitlement with extend / revoke; both need a reason and are audited. */
export function EntitlementRow({ entitlement }: { entitlement: Entitlement }) {
  const extend = useMutation(api.entitlementAdmin.extend);
  const revoke = useMutation(api.entitlementAdmin.revoke);
  const { pending, error, notice, run } = useMutationState();
  const [days, setDays] = useState("30");
  const [reason, setReason] = useState("");
  const prefix = `ent-${entitlement.id}`;
  return (
    <li className="flex flex-col gap-2 rounded border border-zinc-800 p-2 text-sm">
      <p className="text-zinc-200">
        {entitlement.tierKey} · {entitlement.source} · <strong>{entitlement.status}</strong>
        {entitlement.accessUntil
          ? ` · until ${new Date(entitlement.accessUntil).toISOString().slice(0, 10)}`
          : " · no end"}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <label
          htmlFor={`${prefix}-days`}
          className="flex w-20 flex-col gap-1 text-xs text-zinc-400"
        >
          Days
          <input
            id={`${prefix}-days`}
            type="number"
            min={1}
            className={inputClass}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </label>
        <label
          htmlFor={`${prefix}-reason`}
          className="flex min-w-40 flex-1 flex-col gap-1 text-xs text-zinc-400"
        >
          Reason
          <input
            id={`${prefix}-reason`}
            className={inputClass}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            void run(
              () => extend({ entitlementId: entitlement.id, days: Number(days), reason }),
              "Extended",
            )
          }
        >
          Extend
        </Button>
        <Button
          variant="danger"
          disabled={pending}
          onClick={() =>
            void run(() => revoke({ entitlementId: entitlement.id, reason }), "Revoked")
          }
        >
          Revoke
        </Button>
      </div>
      <FormError message={error} />
      {notice ? (
        <p role="status" className="text-emerald-300">
          {notice}
        </p>
      ) : null}
    </li>
  );
}
