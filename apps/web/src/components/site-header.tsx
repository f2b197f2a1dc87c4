import Link from "next/link";
import { headerViewer } from "@/lib/header-viewer";
import { SignOutButton } from "./sign-out-button";

const linkClass = "rounded px-1.5 py-1 text-sm text-zinc-300 hover:bg-zinc-800 hover:text-white";

/** Rendered on the server with each page, from the auth cookie (no Convex client needed). */
export async function SiteHeader({ devMailbox }: { devMailbox: boolean }) {
  const viewer = await headerViewer();
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-800 bg-zinc-950/90 backdrop-blur">
      <nav
        aria-label="Main"
        className="mx-auto flex w-full max-w-3xl flex-wrap items-center gap-0.5 px-3 py-2"
      >
        <Link href="/" className="mr-auto font-semibold tracking-tight text-white">
          G3netic<span className="text-emerald-400"> Signals</span>
        </Link>
        {viewer.signedIn ? (
          <>
            <Link href="/feed" className={linkClass}>
              Feed
            </Link>
            <Link href="/performance" className={linkClass}>
              Performance
            </Link>
            <Link href="/account" className={linkClass}>
              Account
            </Link>
            {viewer.isAdmin ? (
              <Link href="/admin" className={linkClass}>
                Admin
              </Link>
            ) : null}
            <SignOutButton className={linkClass} />
          </>
        ) : (
          <>
            <Link href="/signin" className={linkClass}>
              Sign in
            </Link>
            <Link
              href="/signup"
              className="rounded bg-emerald-500 px-3 py-1 text-sm font-medium text-zinc-950 hover:bg-emerald-400"
            >
              Sign up
            </Link>
          </>
        )}
        {devMailbox ? (
          <Link href="/dev/mailbox" className={`${linkClass} text-amber-300`} title="Dev mailbox">
            Dev mail
          </Link>
        ) : null}
      </nav>
    </header>
  );
}
