"use client";

import { useState } from "react";
import { loadPage } from "@/lib/load-page";
import { signOutThroughProxy } from "@/lib/sign-out";

/** The header's "Sign out": ends the session, then loads /signin afresh (signed-out header). */
export function SignOutButton({ className }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={pending}
      onClick={() => {
        setPending(true);
        signOutThroughProxy().then(
          () => loadPage("/signin"),
          () => setPending(false), // still signed in: the button stays, try again
        );
      }}
    >
      Sign out
    </button>
  );
}
