"use client";

import { useState, type ReactNode } from "react";
import { TextField } from "@/components/ui/text-field";
import { canonicalEmail } from "@/lib/auth-errors";
import { loadPage } from "@/lib/load-page";
import { signInThroughProxy } from "@/lib/sign-in";
import { EmailField } from "./auth-fields";
import { AuthForm } from "./auth-form";
import { VerifyCodeForm } from "./verify-code-form";

type Props = {
  flow: "signIn" | "signUp";
  /** Where a session lands, now or after the emailed code. */
  destination: string;
  submitLabel: string;
  pendingLabel: string;
  password: { autoComplete: string; minLength?: number; hint?: string };
  footer: ReactNode;
};

/**
 * Email + password for signing in or up. An account whose email is not verified yet gets a code
 * instead of a session: the form turns into the code step.
 */
export function EmailPasswordForm({ flow, destination, password: field, ...labels }: Props) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [awaitingCode, setAwaitingCode] = useState(false);

  if (awaitingCode) {
    return (
      <VerifyCodeForm
        email={canonicalEmail(email)}
        purpose={flow}
        onDone={() => loadPage(destination)}
      />
    );
  }
  return (
    <AuthForm
      {...labels}
      onSubmit={async () => {
        const result = await signInThroughProxy({ flow, email: canonicalEmail(email), password });
        if (result.signingIn) loadPage(destination);
        else setAwaitingCode(true);
      }}
    >
      <EmailField value={email} onChange={setEmail} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete={field.autoComplete}
        minLength={field.minLength}
        required
        hint={field.hint}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
    </AuthForm>
  );
}
