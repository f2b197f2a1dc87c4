import { CONTROL_CLASS, LabelledField } from "./labelled-field";

export type SelectOption<T extends string> = { value: T; label: string };

/**
 * A labelled select over a fixed set of values: onChange hands back one of `options`' values,
 * never an arbitrary string, so callers keep their union types.
 */
export function SelectField<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
}) {
  return (
    <LabelledField id={id} label={label}>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          if (chosen !== undefined) onChange(chosen.value);
        }}
        className={CONTROL_CLASS}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}
