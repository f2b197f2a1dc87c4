"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import { useEffect, useState, type ReactNode } from "react";
import { EntitlementRow } from "./entitlement-row";
import { GrantForm } from "./grant-form";

const itemClass = "flex flex-col gap-2 rounded-lg border border-zinc-800 bg-zinc-900/60 p-3";

/** One titled list of search results. */
function ResultSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h2 id={id} className="font-semibold text-white">
        {title}
      </h2>
      <ul className="flex flex-col gap-2">{children}</ul>
    </section>
  );
}

/** Search users and paying customers by email prefix; grant, extend or revoke by hand. */
export function UserSearch() {
  const [input, setInput] = useState("");
  const [prefix, setPrefix] = useState("");
  useEffect(() => {
    const timer = window.setTimeout(() => setPrefix(input.trim().toLowerCase()), 300);
    return () => window.clearTimeout(timer);
  }, [input]);
  const result = useQuery(
    api.entitlementAdmin.search,
    prefix.length >= 2 ? { emailPrefix: prefix } : "skip",
  );
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="user-search" className="text-sm text-zinc-300">
          Email starts with
        </label>
        <input
          id="user-search"
          type="search"
          className="rounded-md border border-zinc-700 bg-zinc-900 px-3 py-2"
          value={input}
          onChange={(event) => setInput(event.target.value)}
        />
      </div>
      {prefix.length >= 2 && result === undefined ? (
        <p className="text-zinc-400">Searching…</p>
      ) : null}
      {result ? (
        <>
          <ResultSection id="users-title" title={`Users (${result.users.length})`}>
            {result.users.map((user) => (
              <li key={user.id} className={itemClass}>
                <p className="text-sm text-white">
                  {user.email}{" "}
                  <span className="text-zinc-400">
                    {user.emailVerified ? "verified" : "unverified"}
                  </span>
                </p>
                <GrantForm userId={user.id} email={user.email} />
              </li>
            ))}
          </ResultSection>
          <ResultSection id="customers-title" title={`Customers (${result.customers.length})`}>
            {result.customers.map((customer) => (
              <li key={customer.id} className={itemClass}>
                <p className="text-sm text-white">
                  {customer.email}
                  {customer.userId ? (
                    ""
                  ) : (
                    <span className="text-amber-300"> · not attached to a user</span>
                  )}
                  {customer.disputed ? <span className="text-rose-300"> · disputed</span> : null}
                </p>
                <ul className="flex flex-col gap-2">
                  {customer.entitlements.map((entitlement) => (
                    <EntitlementRow key={entitlement.id} entitlement={entitlement} />
                  ))}
                </ul>
              </li>
            ))}
          </ResultSection>
        </>
      ) : null}
    </div>
  );
}
