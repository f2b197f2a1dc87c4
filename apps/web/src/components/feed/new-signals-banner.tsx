"use client";

/** The "new signal" indicator: stays visible until read, jumps to the top on click. */
export function NewSignalsBanner({ count, onClick }: { count: number; onClick: () => void }) {
  return (
    <div aria-live="polite" className="sticky top-14 z-10 flex justify-center">
      {count > 0 ? (
        <button
          type="button"
          onClick={onClick}
          className="rounded-full bg-emerald-500 px-4 py-1.5 text-sm font-semibold text-zinc-950 shadow-lg hover:bg-emerald-400"
        >
          ↑ {count} new {count === 1 ? "signal" : "signals"}
        </button>
      ) : null}
    </div>
  );
}
