"use client";

import { api } from "@convex/_generated/api";
import type { Doc } from "@convex/_generated/dataModel";
import { useMutation, useQuery } from "convex/react";
import { useState } from "react";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { tierChoices } from "@/lib/tier-choices";
import { SaveOrCancel } from "./save-or-cancel";
import { useMutationState } from "./use-mutation-state";

type Fields = {
  label: string;
  sourceGuildId: string;
  sourceChannelId: string;
  customerGuildId: string;
  customerChannelId: string;
  tierKey: string;
};

const EMPTY: Fields = {
  label: "",
  sourceGuildId: "",
  sourceChannelId: "",
  customerGuildId: "",
  customerChannelId: "",
  tierKey: "",
};

const ID_FIELDS = [
  ["sourceGuildId", "Source guild id"],
  ["sourceChannelId", "Source channel id"],
  ["customerGuildId", "Customer guild id"],
  ["customerChannelId", "Customer channel id"],
] as const;

/** Creates a mapping, or edits `mapping` when given. */
export function MappingForm({
  mapping,
  onDone,
}: {
  mapping?: Doc<"channelMappings">;
  onDone: () => void;
}) {
  const tiers = useQuery(api.channelMappings.tierOptions, {});
  const create = useMutation(api.channelMappings.create);
  const update = useMutation(api.channelMappings.update);
  const { pending, error, run } = useMutationState();
  const [fields, setFields] = useState<Fields>(
    mapping
      ? {
          label: mapping.label,
          sourceGuildId: mapping.sourceGuildId,
          sourceChannelId: mapping.sourceChannelId,
          customerGuildId: mapping.customerGuildId,
          customerChannelId: mapping.customerChannelId,
          tierKey: mapping.tierKey,
        }
      : EMPTY,
  );
  const set = (key: keyof Fields) => (event: { target: { value: string } }) =>
    setFields((previous) => ({ ...previous, [key]: event.target.value }));
  const tierKey = fields.tierKey || tiers?.[0]?.key || "";

  return (
    <form
      aria-label={mapping ? `Edit mapping ${mapping.label}` : "New channel mapping"}
      className="flex flex-col gap-3 rounded-xl border border-zinc-700 bg-zinc-900 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          if (mapping) await update({ id: mapping._id, ...fields, tierKey });
          else await create({ ...fields, tierKey });
          onDone();
        }, "Saved");
      }}
    >
      <TextField
        label="Label"
        name="label"
        required
        maxLength={80}
        value={fields.label}
        onChange={set("label")}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        {ID_FIELDS.map(([key, label]) => (
          <TextField
            key={key}
            label={label}
            name={key}
            inputMode="numeric"
            required
            pattern="\d{15,21}"
            value={fields[key]}
            onChange={set(key)}
          />
        ))}
      </div>
      <SelectField
        id="field-tier"
        label="Tier"
        value={tierKey}
        options={tierChoices(tiers ?? [])}
        onChange={(value) => setFields((previous) => ({ ...previous, tierKey: value }))}
      />
      <SaveOrCancel
        error={error}
        pending={pending}
        saveLabel={mapping ? "Save changes" : "Create mapping"}
        onCancel={onDone}
      />
    </form>
  );
}
