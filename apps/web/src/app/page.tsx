import Link from "next/link";

export default function HomePage() {
  return (
    <div className="mt-10 flex flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight text-white sm:text-4xl">
        Crypto signals, live, the moment they are posted.
      </h1>
      <p className="text-zinc-300">
        Every call with its entry, targets, stop loss and leverage — and its full edit history, so
        nothing is quietly rewritten after the fact.
      </p>
      <div className="flex gap-3">
        <Link
          href="/signup"
          className="rounded-md bg-emerald-500 px-4 py-2 font-semibold text-zinc-950 hover:bg-emerald-400"
        >
          Create an account
        </Link>
        <Link
          href="/feed"
          className="rounded-md border border-zinc-700 px-4 py-2 font-semibold text-zinc-100 hover:bg-zinc-800"
        >
          Open the feed
        </Link>
      </div>
    </div>
  );
}
