import Link from "next/link";

const LINKS = [
  { href: "/pricing", label: "Pricing" },
  { href: "/terms", label: "Terms" },
  { href: "/privacy", label: "Privacy" },
  { href: "/contact", label: "Contact" },
];

export function SiteFooter() {
  return (
    <footer className="border-t border-zinc-800">
      <nav
        aria-label="Footer"
        className="mx-auto flex w-full max-w-3xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-4 text-sm text-zinc-400"
      >
        <span className="mr-auto">© G3netic Crypto Signals</span>
        {LINKS.map((link) => (
          <Link
            prefetch={false}
            key={link.href}
            href={link.href}
            className="hover:text-white hover:underline"
          >
            {link.label}
          </Link>
        ))}
      </nav>
      <p className="mx-auto w-full max-w-3xl px-4 pb-4 text-xs text-zinc-400">
        Trading signals are not financial advice. Crypto trading carries a high risk of loss.
      </p>
    </footer>
  );
}
