"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { safeNextPath } from "@/lib/safe-next";
import { EmailPasswordForm } from "./email-password-form";

export function SignInForm() {
  const next = safeNextPath(useSearchParams().get("next"));
  return (
    <EmailPasswordForm
      flow="signIn"
      destination={next}
      submitLabel="Sign in"
      pendingLabel="Signing in…"
      password={{ autoComplete: "current-password" }}
      footer={
        <div className="flex justify-between text-sm text-zinc-400">
          <Link prefetch={false} href="/reset" className="text-sky-300 underline">
            Forgot password?
          </Link>
          <Link prefetch={false} href="/signup" className="text-sky-300 underline">
            Create an account
          </Link>
        </div>
      }
    />
  );
}
