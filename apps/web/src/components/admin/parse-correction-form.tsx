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

type SelectKey = "kind" | "side" | "entryType" | "marginMode";
type TextKey = Exclude<keyof CorrectionForm, SelectKey>;

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
  // Every field is named after its key in the form and writes that key, so each is one line below.
  const text = (key: TextKey, label: string, hint?: string) => (
    <TextField
      label={label}
      name={name(key)}
      hint={hint}
      value={form[key]}
      onChange={(event) => set(key, event.target.value)}
    />
  );
  const select = <K extends SelectKey>(
    key: K,
    label: string,
    values: readonly CorrectionForm[K][],
  ) => (
    <SelectField
      label={label}
      id={name(key)}
      value={form[key]}
      options={choices(values)}
      onChange={(value) => set(key, value)}
    />
  );

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
        {select("kind", "Kind", SIGNAL_KINDS)}
        {select("side", "Side", SIDE_CHOICES)}
        {text("base", "Coin")}
        {text("quote", "Quote")}
        {select("entryType", "Entry type", ENTRY_TYPE_CHOICES)}
        {text("entries", "Entries", "Prices separated by commas")}
        {text("targets", "Targets", "In order, separated by commas")}
        {text("stopLoss", "Stop loss")}
        {text("leverage", "Leverage")}
        {select("marginMode", "Margin mode", MARGIN_MODE_CHOICES)}
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
