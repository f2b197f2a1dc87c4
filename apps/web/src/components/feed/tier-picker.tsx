"use client";

/** For members of several tiers: which tier's feed to show. Hidden with a single tier. */
export function TierPicker({
  tiers,
  value,
  onChange,
}: {
  tiers: string[];
  value: string;
  onChange: (tierKey: string) => void;
}) {
  if (tiers.length < 2) return null;
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-300">
      Tier
      <select
        className="rounded border border-zinc-700 bg-zinc-900 px-2 py-1"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {tiers.map((tier) => (
          <option key={tier} value={tier}>
            {tier}
          </option>
        ))}
      </select>
    </label>
  );
}
