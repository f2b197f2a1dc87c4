"use client";

import { api } from "@convex/_generated/api";
import { useMutation, useQuery } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormNotice } from "@/components/ui/form-notice";
import { CONTROL_CLASS, LabelledField, hintIdFor } from "@/components/ui/labelled-field";
import { useMutationState } from "./use-mutation-state";

type Key = "terms" | "privacy" | "contact" | "customerPortalUrl" | "trackRecordDelayHours";
type Kind = "text" | "url" | "hours";

const SETTINGS: { key: Key; label: string; hint: string; kind: Kind }[] = [
  {
    key: "terms",
    label: "Terms of service",
    hint: "Shown at /terms as plain text; blank lines start a new paragraph.",
    kind: "text",
  },
  {
    key: "privacy",
    label: "Privacy policy",
    hint: "Shown at /privacy as plain text.",
    kind: "text",
  },
  {
    key: "contact",
    label: "Contact",
    hint: "Shown at /contact as plain text: an email address, Discord, hours…",
    kind: "text",
  },
  {
    key: "customerPortalUrl",
    label: "Sell.app customer portal URL",
    hint: "Members manage or cancel their subscription there (linked from the account page). https:// only.",
    kind: "url",
  },
  {
    key: "trackRecordDelayHours",
    label: "Public track record delay (hours)",
    hint: "How long after closing a trade shows in the landing page's track record, so it gives away no live call: 1 to 720. Empty: the deployment's TRACK_RECORD_DELAY_HOURS, else 24.",
    kind: "hours",
  },
];

/** The owner's site texts and links. Saving an empty field clears it. */
export function SiteSettingsForm() {
  const settings = useQuery(api.siteSettings.list, {});
  if (settings === undefined) return <p className="text-zinc-400">Loading…</p>;
  const values = new Map(settings.map((setting) => [setting.key, setting.value]));
  return (
    <div className="flex flex-col gap-4">
      {SETTINGS.map((setting) => (
        <SettingField
          key={setting.key}
          settingKey={setting.key}
          label={setting.label}
          hint={setting.hint}
          kind={setting.kind}
          stored={values.get(setting.key) ?? ""}
        />
      ))}
    </div>
  );
}

function SettingField({
  settingKey,
  label,
  hint,
  kind,
  stored,
}: {
  settingKey: Key;
  label: string;
  hint: string;
  kind: Kind;
  stored: string;
}) {
  const save = useMutation(api.siteSettings.set);
  const { pending, error, notice, run } = useMutationState();
  const [value, setValue] = useState(stored);
  const id = `setting-${settingKey}`;
  return (
    <form
      aria-label={label}
      className="flex flex-col gap-2 rounded-xl border border-zinc-800 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => save({ key: settingKey, value }), "Saved");
      }}
    >
      <LabelledField id={id} label={label} hint={hint}>
        {kind === "text" ? (
          <textarea
            id={id}
            rows={6}
            maxLength={20_000}
            aria-describedby={hintIdFor(id, hint)}
            className={CONTROL_CLASS}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        ) : (
          <input
            id={id}
            type={kind === "url" ? "url" : "number"}
            {...(kind === "hours"
              ? { min: 1, max: 720, step: 1, inputMode: "numeric" as const }
              : {})}
            aria-describedby={hintIdFor(id, hint)}
            className={CONTROL_CLASS}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
      </LabelledField>
      <FormError message={error} />
      <FormNotice message={notice} />
      <Button type="submit" className="self-start" disabled={pending || value === stored}>
        Save {label.toLowerCase()}
      </Button>
    </form>
  );
}
