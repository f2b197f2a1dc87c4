"use client";

import { useState } from "react";
import { readAppError } from "@/lib/app-error";

/** Pending/error/notice around an admin action; the backend's message for our errors (lib/app-error.ts). */
export function useMutationState() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>, success: string) {
    setPending(true);
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(success);
    } catch (caught) {
      // Ours carry a message that says what to do; anything else (a server fault) is shown raw.
      setError(
        readAppError(caught)?.message ??
          (caught instanceof Error ? caught.message : String(caught)),
      );
    } finally {
      setPending(false);
    }
  }
  return { pending, error, notice, run };
}
