"use client";

import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { canonicalEmail } from "@/lib/auth-errors";
import { loadPage } from "@/lib/load-page";
import { signInThroughProxy } from "@/lib/sign-in";
import { CodeField, EmailField } from "./auth-fields";
import { AuthForm } from "./auth-form";

/** Password reset: request a code by email, then set a new password with it. */
export function ResetForm() {
  const [email, setEmail] = useState("");
  const [code, setCode] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [codeSent, setCodeSent] = useState(false);

  if (!codeSent) {
    return (
      <AuthForm
        submitLabel="Email me a reset code"
        pendingLabel="Sending…"
        onSubmit={async () => {
          await signInThroughProxy({ flow: "reset", email: canonicalEmail(email) });
          setCodeSent(true);
        }}
      >
        <EmailField value={email} onChange={setEmail} />
      </AuthForm>
    );
  }
  return (
    <AuthForm
      submitLabel="Set new password"
      pendingLabel="Saving…"
      onSubmit={async () => {
        await signInThroughProxy({
          flow: "reset-verification",
          email: canonicalEmail(email),
          code: code.trim(),
          newPassword,
        });
        loadPage("/feed");
      }}
    >
      <p className="text-sm text-zinc-300">
        If <strong className="text-white">{canonicalEmail(email)}</strong> has an account, we
        emailed it an 8-digit reset code (it expires in 15 minutes). No email? Check the address and
        spam folder; a new code can be asked for a few minutes later.
      </p>
      <CodeField label="Reset code" value={code} onChange={setCode} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        hint="At least 10 characters and hard to guess. Every other device is signed out."
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
      />
    </AuthForm>
  );
}
