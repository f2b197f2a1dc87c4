"use client";

import { SignalCard } from "@/components/feed/signal-card";
import { SAMPLE_SIGNAL } from "@/lib/sample-signal";

/** The feed's own card with made-up data: what a member sees for each call. */
export function SampleSignal() {
  return <SignalCard signal={SAMPLE_SIGNAL} isNew={false} />;
}
