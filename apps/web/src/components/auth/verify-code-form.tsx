"use client";

import { useAuthActions } from "@convex-dev/auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { useAuthForm } from "./use-auth-form";

/** Second step of sign-up (or of signing in unverified): the 8-digit code from the email. */
export function VerifyCodeForm({ email, onDone }: { email: string; onDone: () => void }) {
  const { signIn } = useAuthActions();
  const { pending, error, run } = useAuthForm();
  const [code, setCode] = useState("");
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await signIn("password", { flow: "email-verification", email, code: code.trim() });
          onDone();
        });
      }}
    >
      <p className="text-sm text-zinc-300">
        We sent an 8-digit code to <strong className="text-white">{email}</strong>. It expires in 15
        minutes.
      </p>
      <TextField
        label="Verification code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{8}"
        maxLength={8}
        required
        value={code}
        onChange={(event) => setCode(event.target.value)}
      />
      <FormError message={error} />
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Verify email"}
      </Button>
    </form>
  );
}
