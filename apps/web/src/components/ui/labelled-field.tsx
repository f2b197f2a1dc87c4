import type { ReactNode } from "react";

/** The look every form control shares, so inputs, text areas and selects line up. */
export const CONTROL_CLASS =
  "rounded-md border border-zinc-700 bg-zinc-900 px-3 py-2 text-base text-zinc-100 focus:border-sky-400";

/** The id of a field's hint, for the control's aria-describedby (undefined when there is none). */
export function hintIdFor(id: string, hint: string | undefined): string | undefined {
  return hint ? `${id}-hint` : undefined;
}

/**
 * A label above one form control, and an optional hint below it. The control (children) carries
 * `id` and, when there is a hint, `aria-describedby={hintIdFor(id, hint)}`: the label and the hint
 * are what a screen reader announces with it.
 */
export function LabelledField({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-zinc-200">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={hintIdFor(id, hint)} className="text-xs text-zinc-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
