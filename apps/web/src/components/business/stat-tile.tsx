/** One number with its label (the label names it for tests and screen readers). */
export function StatTile({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div
      role="group"
      aria-label={label}
      className="flex flex-col gap-1 rounded-xl border border-zinc-800 bg-zinc-900/60 p-3"
    >
      <span className="text-xs text-zinc-400">{label}</span>
      <span data-testid="stat-value" className="text-2xl font-semibold text-white">
        {value}
      </span>
      {note === undefined ? null : <span className="text-xs text-zinc-500">{note}</span>}
    </div>
  );
}
