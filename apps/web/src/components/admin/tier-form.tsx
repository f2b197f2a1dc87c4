"use client";

import { api } from "@convex/_generated/api";
import { useMutation } from "convex/react";
import { useState, type ChangeEvent } from "react";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { tierArgs, tierFields, type AdminTier, type TierFields } from "@/lib/tier-form";
import { SaveOrCancel } from "./save-or-cancel";
import { useMutationState } from "./use-mutation-state";

/** Creates a tier, or edits `tier` (its key stays: entitlements and mappings name it). */
export function TierForm({ tier, onDone }: { tier?: AdminTier; onDone: () => void }) {
  const upsert = useMutation(api.tiers.upsertTier);
  const { pending, error, run } = useMutationState();
  const [fields, setFields] = useState<TierFields>(tierFields(tier));
  const set =
    (key: keyof TierFields) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setFields((previous) => ({ ...previous, [key]: event.target.value }));
  return (
    <form
      aria-label={tier ? `Edit tier ${tier.name}` : "New tier"}
      className="flex flex-col gap-3 rounded-xl border border-zinc-700 bg-zinc-900 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await upsert(tierArgs(fields));
          onDone();
        }, "Saved");
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Key"
          name="tier-key"
          required
          pattern="[a-z0-9][a-z0-9_\-]{0,39}"
          hint="Lower-case id, e.g. vip. Cannot change later."
          readOnly={tier !== undefined}
          value={fields.key}
          onChange={set("key")}
        />
        <TextField
          label="Name"
          name="tier-name"
          required
          maxLength={60}
          value={fields.name}
          onChange={set("name")}
        />
        <TextField
          label="Price shown"
          name="tier-price"
          maxLength={40}
          hint='As the pricing page prints it, e.g. "$49 / month". Sell.app decides the charge.'
          value={fields.priceLabel}
          onChange={set("priceLabel")}
        />
        <TextField
          label="Purchase URL"
          name="tier-purchase-url"
          type="url"
          hint="The Sell.app checkout, https:// only."
          value={fields.purchaseUrl}
          onChange={set("purchaseUrl")}
        />
      </div>
      <TextAreaField
        label="Description"
        name="tier-description"
        maxLength={600}
        value={fields.description}
        onChange={set("description")}
      />
      <TextAreaField
        label="Features (one per line)"
        name="tier-features"
        rows={4}
        value={fields.features}
        onChange={set("features")}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label="Discord role id"
          name="tier-role"
          inputMode="numeric"
          value={fields.discordRoleId}
          onChange={set("discordRoleId")}
        />
        <TextField
          label="Days per one-off order"
          name="tier-order-days"
          inputMode="numeric"
          hint="Blank: no end."
          value={fields.orderAccessDays}
          onChange={set("orderAccessDays")}
        />
        <TextField
          label="Grace hours"
          name="tier-grace"
          inputMode="numeric"
          required
          value={fields.graceHours}
          onChange={set("graceHours")}
        />
      </div>
      <SaveOrCancel
        error={error}
        pending={pending}
        saveLabel={tier ? "Save tier" : "Create tier"}
        onCancel={onDone}
      />
    </form>
  );
}
