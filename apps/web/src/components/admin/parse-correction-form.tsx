"use client";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import { ENTRY_TYPES, MARGIN_MODES, SIDES, SIGNAL_KINDS } from "@g3/signals/kinds";
import { useMutation } from "convex/react";
import { useState } from "react";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { fieldsFromForm, type CorrectionForm } from "@/lib/correction-form";
import { SaveOrCancel } from "./save-or-cancel";
import { useMutationState } from "./use-mutation-state";

const ENTRY_TYPE_CHOICES = ["", ...ENTRY_TYPES] as const;
const SIDE_CHOICES = ["", ...SIDES] as const;
const MARGIN_MODE_CHOICES = ["", ...MARGIN_MODES] as const;

type Props = {
  signalId: Id<"signals">;
  /** The version the admin is reading: a later edit by the analyst refuses the save. */
  version: number;
  initial: CorrectionForm;
  onDone: () => void;
};

/** Corrects the structured fields of one signal; the server validates each and audits the save. */
export function ParseCorrectionForm({ signalId, version, initial, onDone }: Props) {
  const correct = useMutation(api.parseReview.correct);
  const [form, setForm] = useState(initial);
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const { pending, error, run } = useMutationState();
  const set = <K extends keyof CorrectionForm>(key: K, value: CorrectionForm[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const name = (field: string) => `${signalId}-${field}`;

  async function save() {
    const parsed = fieldsFromForm(form);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems([]);
    let saved = false;
    await run(async () => {
      await correct({
        signalId,
        expectedVersion: version,
        fields: parsed.fields,
        ...(reason.trim() === "" ? {} : { reason }),
      });
      saved = true;
    }, "Saved.");
    if (saved) onDone();
  }

  return (
    <form
      aria-label="Correct the reading"
      className="flex flex-col gap-3 rounded-lg border border-zinc-700 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <SelectField
          label="Kind"
          id={name("kind")}
          value={form.kind}
          options={choices(SIGNAL_KINDS)}
          onChange={(value) => set("kind", value)}
        />
        <SelectField
          label="Side"
          id={name("side")}
          value={form.side}
          options={choices(SIDE_CHOICES)}
          onChange={(value) => set("side", value)}
        />
        <TextField
          label="Coin"
          name={name("base")}
          value={form.base}
          onChange={(event) => set("base", event.target.value)}
        />
        <TextField
          label="Quote"
          name={name("quote")}
          value={form.quote}
          onChange={(event) => set("quote", event.target.value)}
        />
        <SelectField
          label="Entry type"
          id={name("entryType")}
          value={form.entryType}
          options={choices(ENTRY_TYPE_CHOICES)}
          onChange={(value) => set("entryType", value)}
        />
        <TextField
          label="Entries"
          name={name("entries")}
          hint="Prices separated by commas"
          value={form.entries}
          onChange={(event) => set("entries", event.target.value)}
        />
        <TextField
          label="Targets"
          name={name("targets")}
          hint="In order, separated by commas"
          value={form.targets}
          onChange={(event) => set("targets", event.target.value)}
        />
        <TextField
          label="Stop loss"
          name={name("stopLoss")}
          value={form.stopLoss}
          onChange={(event) => set("stopLoss", event.target.value)}
        />
        <TextField
          label="Leverage"
          name={name("leverage")}
          value={form.leverage}
          onChange={(event) => set("leverage", event.target.value)}
        />
        <SelectField
          label="Margin mode"
          id={name("marginMode")}
          value={form.marginMode}
          options={choices(MARGIN_MODE_CHOICES)}
          onChange={(value) => set("marginMode", value)}
        />
      </div>
      <TextField
        label="Reason (audit log)"
        name={name("reason")}
        value={reason}
        maxLength={500}
        onChange={(event) => setReason(event.target.value)}
      />
      <SaveOrCancel
        error={problems.length > 0 ? problems.join("; ") : error}
        pending={pending}
        saveLabel="Save correction"
        onCancel={onDone}
      />
    </form>
  );
}

/** The choices of a select, spelled for reading: "" shows as a dash, "entry_hit" as "entry hit". */
function choices<T extends string>(values: readonly T[]): SelectOption<T>[] {
  return values.map((value) => ({
    value,
    label: value === "" ? "—" : value.replace("_", " "),
  }));
}
