import type { Metadata } from "next";
import Link from "next/link";
import { PricingSection } from "@/components/storefront/pricing-section";
import { PublicTrackRecord } from "@/components/storefront/public-track-record";
import { SampleSignal } from "@/components/storefront/sample-signal";
import { HeadedSection } from "@/components/ui/headed-section";

export const metadata: Metadata = {
  title: { absolute: "G3netic Crypto Signals — live trading calls, every edit on record" },
  description:
    "Crypto trading signals the moment they are posted: entry, targets, stop loss and leverage on a live web feed and mirrored into our Discord, with the full edit history of every call.",
  alternates: { canonical: "/" },
};

const POINTS = [
  {
    title: "A live web feed",
    text: "Calls appear on your dashboard within a second of being posted — no refresh, on any device. Filter by pair, side or channel, search the archive, and turn on a sound or desktop alert.",
  },
  {
    title: "Mirrored into Discord",
    text: "Link your Discord account and you get the members' role in our server, where every call is mirrored message for message. Cancel, and the role goes with the membership.",
  },
  {
    title: "Nothing rewritten quietly",
    text: "When a caller edits or deletes a post, the card says so and keeps every earlier version one click away. You always see what was called, and when.",
  },
];

export default function HomePage() {
  return (
    <div className="mt-10 flex flex-col gap-12">
      <section className="flex flex-col gap-6">
        <h1 className="text-3xl font-bold tracking-tight text-white sm:text-4xl">
          Crypto signals, live, the moment they are posted.
        </h1>
        <p className="text-zinc-300">
          Every call with its entry, targets, stop loss and leverage — and its full edit history, so
          nothing is quietly rewritten after the fact.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link
            prefetch={false}
            href="/pricing"
            className="rounded-md bg-emerald-500 px-4 py-2 font-semibold text-zinc-950 hover:bg-emerald-400"
          >
            See pricing
          </Link>
          <Link
            prefetch={false}
            href="/signup"
            className="rounded-md border border-zinc-700 px-4 py-2 font-semibold text-zinc-100 hover:bg-zinc-800"
          >
            Create an account
          </Link>
          <Link
            prefetch={false}
            href="/feed"
            className="rounded-md border border-zinc-700 px-4 py-2 font-semibold text-zinc-100 hover:bg-zinc-800"
          >
            Open the feed
          </Link>
        </div>
      </section>

      <HeadedSection id="sample-heading" title="What a signal looks like" size="page">
        <p className="text-sm text-zinc-400">
          A sample call, drawn by the same card the feed uses. The levels are read from the
          caller&apos;s post; the raw text is always one click away.
        </p>
        <SampleSignal />
      </HeadedSection>

      <HeadedSection id="record-heading" title="Track record" size="page">
        <PublicTrackRecord />
      </HeadedSection>

      <HeadedSection
        id="how-heading"
        title="Two places, one membership"
        size="page"
        className="flex flex-col gap-4"
      >
        <div className="grid gap-4 sm:grid-cols-3">
          {POINTS.map((point) => (
            <div key={point.title} className="flex flex-col gap-2">
              <h3 className="font-semibold text-white">{point.title}</h3>
              <p className="text-sm text-zinc-300">{point.text}</p>
            </div>
          ))}
        </div>
      </HeadedSection>

      <PricingSection headingLevel="h2" />
    </div>
  );
}
