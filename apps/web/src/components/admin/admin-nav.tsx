"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin", label: "Health" },
  { href: "/admin/business", label: "Business" },
  { href: "/admin/tiers", label: "Tiers & products" },
  { href: "/admin/mappings", label: "Channel mappings" },
  { href: "/admin/parsing", label: "Parsing" },
  { href: "/admin/outcomes", label: "Outcomes" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/sellapp-runs", label: "Sell.app runs" },
  { href: "/admin/imports", label: "Imports" },
  { href: "/admin/users", label: "Users & access" },
  { href: "/admin/queues", label: "Work queues" },
  { href: "/admin/site", label: "Site texts" },
  { href: "/admin/audit", label: "Audit log" },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex gap-1 border-b border-zinc-800 pb-2">
        {LINKS.map((link) => {
          const current = pathname === link.href;
          return (
            <li key={link.href}>
              <Link
                prefetch={false}
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`block whitespace-nowrap rounded px-3 py-1.5 text-sm ${
                  current
                    ? "bg-zinc-800 text-white"
                    : "text-zinc-400 hover:bg-zinc-900 hover:text-white"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
