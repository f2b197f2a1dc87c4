import Link from "next/link";
import { headerViewer } from "@/lib/header-viewer";
import { SignOutButton } from "./sign-out-button";

const linkClass = "rounded px-1.5 py-1 text-sm text-zinc-300 hover:bg-zinc-800 hover:text-white";

/**
 * Rendered on the server with each page, from the auth cookie (no Convex client needed).
 * Its links (and the footer's, the landing page's, the forms' and the console's menu) do not
 * prefetch: every page renders per request and has no loading.js, so a prefetch brought only
 * the ~1 KB shell Next already has, yet added a request and main-thread work per link while the
 * page was loading (docs/performance.md "Lighthouse").
 */
export async function SiteHeader({ devMailbox }: { devMailbox: boolean }) {
  const viewer = await headerViewer();
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-800 bg-zinc-950/90 backdrop-blur">
      <nav
        aria-label="Main"
        className="mx-auto flex w-full max-w-3xl flex-wrap items-center gap-0.5 px-3 py-2"
      >
        <Link prefetch={false} href="/" className="mr-auto font-semibold tracking-tight text-white">
          G3netic<span className="text-emerald-400"> Signals</span>
        </Link>
        {viewer.signedIn ? (
          <>
            <Link prefetch={false} href="/feed" className={linkClass}>
              Feed
            </Link>
            <Link prefetch={false} href="/performance" className={linkClass}>
              Performance
            </Link>
            <Link prefetch={false} href="/account" className={linkClass}>
              Account
            </Link>
            {viewer.isAdmin ? (
              <Link prefetch={false} href="/admin" className={linkClass}>
                Admin
              </Link>
            ) : null}
            <SignOutButton className={linkClass} />
          </>
        ) : (
          <>
            <Link prefetch={false} href="/signin" className={linkClass}>
              Sign in
            </Link>
            <Link
              prefetch={false}
              href="/signup"
              className="rounded bg-emerald-500 px-3 py-1 text-sm font-medium text-zinc-950 hover:bg-emerald-400"
            >
              Sign up
            </Link>
          </>
        )}
        {devMailbox ? (
          <Link
            prefetch={false}
            href="/dev/mailbox"
            className={`${linkClass} text-amber-300`}
            title="Dev mailbox"
          >
            Dev mail
          </Link>
        ) : null}
      </nav>
    </header>
  );
}
