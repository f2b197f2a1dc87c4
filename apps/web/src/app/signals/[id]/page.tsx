import type { Id } from "@convex/_generated/dataModel";
import Link from "next/link";
import { SignalHistory } from "@/components/feed/signal-history";

export const metadata = { title: "Signal history" };

export default async function SignalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <div className="flex flex-col gap-4">
      <Link href="/feed" className="text-sm text-sky-300 underline">
        ← Back to the feed
      </Link>
      <SignalHistory signalId={id as Id<"signals">} />
    </div>
  );
}
