"use client";

import { useAuthActions } from "@convex-dev/auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { canonicalEmail } from "@/lib/auth-errors";
import { useAuthForm } from "./use-auth-form";

/** Password reset: request a code by email, then set a new password with it. */
export function ResetForm() {
  const { signIn } = useAuthActions();
  const router = useRouter();
  const { pending, error, run } = useAuthForm();
  const [email, setEmail] = useState("");
  const [code, setCode] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [codeSent, setCodeSent] = useState(false);

  if (!codeSent) {
    return (
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await signIn("password", { flow: "reset", email: canonicalEmail(email) });
            setCodeSent(true);
          });
        }}
      >
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <FormError message={error} />
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Email me a reset code"}
        </Button>
      </form>
    );
  }
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await signIn("password", {
            flow: "reset-verification",
            email: canonicalEmail(email),
            code: code.trim(),
            newPassword,
          });
          router.replace("/feed");
        });
      }}
    >
      <p className="text-sm text-zinc-300">
        We sent a code to <strong className="text-white">{canonicalEmail(email)}</strong>.
      </p>
      <TextField
        label="Reset code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={8}
        required
        value={code}
        onChange={(event) => setCode(event.target.value)}
      />
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
      <FormError message={error} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
