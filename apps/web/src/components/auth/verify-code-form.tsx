"use client";

import { useState } from "react";
import { signInThroughProxy } from "@/lib/sign-in";
import { CodeField } from "./auth-fields";
import { AuthForm } from "./auth-form";

/**
 * What the email holds. The backend answers "check your email" the same way whether or not the
 * address has an account (or the password was right), so the text covers every case.
 */
const EXPLANATIONS = {
  signUp:
    "If this address is new, the email holds an 8-digit code to confirm it. If it already has an account, the email tells you how to sign in instead.",
  signIn:
    "If the email and password are right, we sent an 8-digit code to finish signing in (we ask for one to confirm a new address, or after several wrong passwords). If nothing arrives, check the password, or reset it.",
};

/** The code step after sign-up or sign-in: the 8-digit code from the email. */
export function VerifyCodeForm({
  email,
  purpose,
  onDone,
}: {
  email: string;
  purpose: keyof typeof EXPLANATIONS;
  onDone: () => void;
}) {
  const [code, setCode] = useState("");
  return (
    <AuthForm
      submitLabel="Verify email"
      pendingLabel="Checking…"
      onSubmit={async () => {
        await signInThroughProxy({ flow: "email-verification", email, code: code.trim() });
        onDone();
      }}
    >
      <p className="text-sm text-zinc-300">
        Check the email we sent to <strong className="text-white">{email}</strong>.{" "}
        {EXPLANATIONS[purpose]} A code expires in 15 minutes.
      </p>
      <CodeField label="Verification code" pattern="\d{8}" value={code} onChange={setCode} />
    </AuthForm>
  );
}
