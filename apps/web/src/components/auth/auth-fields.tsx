import type { InputHTMLAttributes } from "react";
import { TextField } from "@/components/ui/text-field";

type ValueProps = { value: string; onChange: (value: string) => void };

export function EmailField({ value, onChange }: ValueProps) {
  return (
    <TextField
      label="Email"
      name="email"
      type="email"
      autoComplete="email"
      required
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** The 8-digit code from an email; `pattern` is left to the caller. */
export function CodeField({
  label,
  value,
  onChange,
  pattern,
}: ValueProps & { label: string } & Pick<InputHTMLAttributes<HTMLInputElement>, "pattern">) {
  return (
    <TextField
      label={label}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern={pattern}
      maxLength={8}
      required
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
