"use client";

import { useState } from "react";
import { authErrorMessage } from "@/lib/auth-errors";

/** Pending and error state around one auth step; the error text is user-facing advice. */
export function useAuthForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(step: () => Promise<void>) {
    setPending(true);
    setError(null);
    try {
      await step();
    } catch (caught) {
      setError(authErrorMessage(caught));
    } finally {
      setPending(false);
    }
  }
  return { pending, error, run };
}
