"use client";

import { useAuthActions } from "@convex-dev/auth/react";
import { useRouter } from "next/navigation";

export function SignOutButton({ className }: { className?: string }) {
  const { signOut } = useAuthActions();
  const router = useRouter();
  return (
    <button
      type="button"
      className={className}
      onClick={() => {
        void signOut().then(() => router.push("/signin"));
      }}
    >
      Sign out
    </button>
  );
}
