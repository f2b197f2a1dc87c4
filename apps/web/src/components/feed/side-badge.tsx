export function SideBadge({ side }: { side: "long" | "short" | undefined }) {
  if (side === undefined) return null;
  const long = side === "long";
  return (
    <span
      className={`rounded px-2 py-0.5 text-xs font-bold uppercase tracking-wide ${
        long ? "bg-emerald-500/15 text-long" : "bg-rose-500/15 text-short"
      }`}
    >
      {long ? "▲ Long" : "▼ Short"}
    </span>
  );
}
