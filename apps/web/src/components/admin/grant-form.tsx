"use client";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import { useMutation, useQuery } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormNotice } from "@/components/ui/form-notice";
import { useMutationState } from "./use-mutation-state";

const inputClass = "rounded border border-zinc-700 bg-zinc-900 px-2 py-1.5 text-sm";

/** Grants a tier to a user by hand, for N days, with a reason (audited). */
export function GrantForm({ userId, email }: { userId: Id<"users">; email: string }) {
  const tiers = useQuery(api.channelMappings.tierOptions, {});
  const grant = useMutation(api.entitlementAdmin.grant);
  const { pending, error, notice, run } = useMutationState();
  const [tierKey, setTierKey] = useState("");
  const [days, setDays] = useState("30");
  const [reason, setReason] = useState("");
  const tier = tierKey || tiers?.[0]?.key || "";
  const prefix = `grant-${userId}`;
  return (
    <form
      aria-label={`Grant access to ${email}`}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => grant({ userId, tierKey: tier, days: Number(days), reason }), "Granted");
      }}
    >
      <label className="flex flex-col gap-1 text-xs text-zinc-400" htmlFor={`${prefix}-tier`}>
        Tier
        <select
          id={`${prefix}-tier`}
          className={inputClass}
          value={tier}
          onChange={(e) => setTierKey(e.target.value)}
        >
          {(tiers ?? []).map((option) => (
            <option key={option.key} value={option.key}>
              {option.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex w-20 flex-col gap-1 text-xs text-zinc-400" htmlFor={`${prefix}-days`}>
        Days
        <input
          id={`${prefix}-days`}
          type="number"
          min={1}
          max={3650}
          required
          className={inputClass}
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
      </label>
      <label
        className="flex min-w-40 flex-1 flex-col gap-1 text-xs text-zinc-400"
        htmlFor={`${prefix}-reason`}
      >
        Reason
        <input
          id={`${prefix}-reason`}
          required
          minLength={3}
          className={inputClass}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <Button type="submit" disabled={pending}>
        Grant
      </Button>
      <FormError message={error} />
      <FormNotice message={notice} />
    </form>
  );
}
