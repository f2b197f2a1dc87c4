"use client";

import Link from "next/link";
import { EmailPasswordForm } from "./email-password-form";

export function SignUpForm() {
  return (
    <EmailPasswordForm
      flow="signUp"
      destination="/feed"
      submitLabel="Create account"
      pendingLabel="Creating account…"
      password={{
        autoComplete: "new-password",
        minLength: 10,
        hint: "At least 10 characters and hard to guess: a few unrelated words work well.",
      }}
      footer={
        <p className="text-sm text-zinc-400">
          Already a member?{" "}
          <Link prefetch={false} href="/signin" className="text-sky-300 underline">
            Sign in
          </Link>
        </p>
      }
    />
  );
}
