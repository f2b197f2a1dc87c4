import type { InputHTMLAttributes } from "react";
import { CONTROL_CLASS, LabelledField, hintIdFor } from "./labelled-field";

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; hint?: string };

/** A labelled input; the hint is tied to it with aria-describedby. */
export function TextField({ label, name, hint, className, ...input }: Props) {
  const id = `field-${name}`;
  return (
    <LabelledField id={id} label={label} hint={hint}>
      <input
        id={id}
        name={name}
        aria-describedby={hintIdFor(id, hint)}
        className={`${CONTROL_CLASS} placeholder:text-zinc-500 ${className ?? ""}`}
        {...input}
      />
    </LabelledField>
  );
}
