"use client";

import { api } from "@convex/_generated/api";
import { useMutation, useQuery } from "convex/react";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";

/**
 * The account's email preferences: only the "access ending soon" reminders can be turned off
 * (the same switch as the one-click unsubscribe link in those emails). Membership emails —
 * access granted, payment failed, access ended — always arrive; docs/architecture.md says why.
 */
export function EmailPreferences() {
  const preferences = useQuery(api.emailPreferences.mine, {});
  // Optimistic: the box follows the click at once instead of after the round trip.
  const update = useMutation(api.emailPreferences.update).withOptimisticUpdate(
    (store, { reminders }) => store.setQuery(api.emailPreferences.mine, {}, { reminders }),
  );
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold text-white">Email preferences</h2>
      <label className="flex items-start gap-3 text-sm text-zinc-200">
        <input
          type="checkbox"
          className="mt-1 h-4 w-4"
          checked={preferences?.reminders ?? true}
          disabled={preferences === undefined || pending}
          aria-describedby="email-reminders-help"
          onChange={(event) => {
            setPending(true);
            setError(null);
            update({ reminders: event.target.checked })
              .catch(() => setError("Could not save your choice. Try again in a moment."))
              .finally(() => setPending(false));
          }}
        />
        <span>Remind me a few days before my access ends</span>
      </label>
      <p id="email-reminders-help" className="text-sm text-zinc-300">
        Emails about your membership itself — access granted, a failed payment, access ended — are
        always sent.
      </p>
      <FormError message={error} />
    </Card>
  );
}
