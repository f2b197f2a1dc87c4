import Link from "next/link";
import { Card } from "@/components/ui/card";
import { HttpsLink } from "@/components/ui/https-link";

/** What a signed-in member without access sees instead of the feed. */
export function LockedPanel({ purchaseUrl }: { purchaseUrl: string | undefined }) {
  return (
    <Card className="flex flex-col items-start gap-3">
      <h2 className="flex items-center gap-2 text-xl font-semibold text-white">
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="h-5 w-5 fill-none stroke-amber-300 stroke-2"
        >
          <rect x="5" y="11" width="14" height="10" rx="2" />
          <path d="M8 11V7a4 4 0 0 1 8 0v4" />
        </svg>
        The live feed is for members
      </h2>
      <p className="text-zinc-300">
        Your account has no active membership. Buy one with the same email address you signed up
        with — access opens here automatically, within seconds of payment.
      </p>
      <HttpsLink
        href={purchaseUrl}
        className="rounded-md bg-emerald-500 px-4 py-2 font-semibold text-zinc-950 hover:bg-emerald-400"
        fallback={<p className="text-sm text-zinc-400">Purchasing is not open right now.</p>}
      >
        Get access
      </HttpsLink>
      <Link prefetch={false} href="/account" className="text-sm text-sky-300 underline">
        Check your account status
      </Link>
    </Card>
  );
}
