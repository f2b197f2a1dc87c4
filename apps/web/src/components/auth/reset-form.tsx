"use client";

import { useAuthActions } from "@convex-dev/auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { canonicalEmail } from "@/lib/auth-errors";
import { CodeField, EmailField } from "./auth-fields";
import { AuthForm } from "./auth-form";

/** Password reset: request a code by email, then set a new password with it. */
export function ResetForm() {
  const { signIn } = useAuthActions();
  const router = useRouter();
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
          await signIn("password", { flow: "reset", email: canonicalEmail(email) });
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
        await signIn("password", {
          flow: "reset-verification",
          email: canonicalEmail(email),
          code: code.trim(),
          newPassword,
        });
        router.replace("/feed");
      }}
    >
      <p className="text-sm text-zinc-300">
        We sent a code to <strong className="text-white">{canonicalEmail(email)}</strong>.
      </p>
      <CodeField label="Reset code" value={code} onChange={setCode} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        hint="At least 10 characters. Other sessions are signed out."
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
      />
    </AuthForm>
  );
}
