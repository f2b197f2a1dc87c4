import { SignalCard } from "@/components/feed/signal-card";
import { SAMPLE_SIGNAL } from "@/lib/sample-signal";

/**
 * The feed's own card with made-up data: what a member sees for each call. Rendered on the server
 * (the card is pure), so the landing page ships none of its code.
 */
export function SampleSignal() {
  return <SignalCard signal={SAMPLE_SIGNAL} isNew={false} />;
}
