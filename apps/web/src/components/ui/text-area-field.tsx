import type { TextareaHTMLAttributes } from "react";
import { CONTROL_CLASS, LabelledField, hintIdFor } from "./labelled-field";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  name: string;
  hint?: string;
};

/** A labelled multi-line input (two rows unless told); the hint is tied to it like TextField's. */
export function TextAreaField({ label, name, hint, rows = 2, ...textarea }: Props) {
  const id = `field-${name}`;
  return (
    <LabelledField id={id} label={label} hint={hint}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-describedby={hintIdFor(id, hint)}
        className={CONTROL_CLASS}
        {...textarea}
      />
    </LabelledField>
  );
}
