"use client";

import { useAuthActions } from "@convex-dev/auth/react";
import { api } from "@convex/_generated/api";
import { useMutation } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { loadPage } from "@/lib/load-page";

/**
 * Ends every session of the account (other browsers and devices included), then signs this one
 * out. Other devices lose access within 5 minutes, when their access token expires.
 */
export function SignOutEverywhere() {
  const endSessions = useMutation(api.users.signOutEverywhere);
  const { signOut } = useAuthActions();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold text-white">Sessions</h2>
      <p className="text-sm text-zinc-300">
        Signed in somewhere you should not be? Sign out of every browser and device. Other devices
        lose access within 5 minutes; you sign in again here.
      </p>
      <FormError message={error} />
      <div>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => {
            setPending(true);
            setError(null);
            endSessions({})
              .then(() => signOut())
              .then(() => loadPage("/signin"))
              .catch(() => {
                setError("Could not sign out everywhere. Try again in a moment.");
                setPending(false);
              });
          }}
        >
          {pending ? "Signing out…" : "Sign out everywhere"}
        </Button>
      </div>
    </Card>
  );
}
