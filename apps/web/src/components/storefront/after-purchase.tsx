import Link from "next/link";

/** What happens after paying on Sell.app: the same email unlocks the account, whenever it is made. */
export function AfterPurchase() {
  return (
    <ol className="flex list-decimal flex-col gap-1 pl-5 text-sm text-zinc-300">
      <li>Pick a plan and pay on Sell.app, our checkout.</li>
      <li>
        <Link prefetch={false} href="/signup" className="text-sky-300 underline">
          Create your account
        </Link>{" "}
        (or{" "}
        <Link prefetch={false} href="/signin" className="text-sky-300 underline">
          sign in
        </Link>
        ) with the <strong className="text-white">same email address</strong> and verify it.
      </li>
      <li>The feed unlocks by itself — before or after you sign up, within seconds of payment.</li>
    </ol>
  );
}
