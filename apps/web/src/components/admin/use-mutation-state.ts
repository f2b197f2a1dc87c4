"use client";

import { useState } from "react";

/** Pending/error/notice around an admin action; the backend's ConvexError message is shown. */
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
      const data = (caught as { data?: { message?: string } }).data;
      setError(data?.message ?? (caught instanceof Error ? caught.message : String(caught)));
    } finally {
      setPending(false);
    }
  }
  return { pending, error, notice, run };
}
