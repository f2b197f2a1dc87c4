import { Suspense } from "react";
import { PerformanceView } from "@/components/performance/performance-view";

export const metadata = { title: "Performance" };

export default function PerformancePage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-white">Performance</h1>
      <p className="text-sm text-zinc-400">
        Verified against market prices, not the callers&apos; own claims: every signal is followed
        from its post time, and deleting a call does not take it off the record. R is the result in
        units of the risk to the stop; leverage is not folded in.
      </p>
      <Suspense fallback={<p className="text-zinc-400">Loading…</p>}>
        <PerformanceView />
      </Suspense>
    </div>
  );
}
