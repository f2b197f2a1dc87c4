"use client";

import { useAuthActions } from "@convex-dev/auth/react";
import { useState } from "react";
import { CodeField } from "./auth-fields";
import { AuthForm } from "./auth-form";

/** Second step of sign-up (or of signing in unverified): the 8-digit code from the email. */
export function VerifyCodeForm({ email, onDone }: { email: string; onDone: () => void }) {
  const { signIn } = useAuthActions();
  const [code, setCode] = useState("");
  return (
    <AuthForm
      submitLabel="Verify email"
      pendingLabel="Checking…"
      onSubmit={async () => {
        await signIn("password", { flow: "email-verification", email, code: code.trim() });
        onDone();
      }}
    >
      <p className="text-sm text-zinc-300">
        We sent an 8-digit code to <strong className="text-white">{email}</strong>. It expires in 15
        minutes.
      </p>
      <CodeField label="Verification code" pattern="\d{8}" value={code} onChange={setCode} />
    </AuthForm>
  );
}
