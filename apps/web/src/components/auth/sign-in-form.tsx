"use client";

import { useAuthActions } from "@convex-dev/auth/react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { canonicalEmail } from "@/lib/auth-errors";
import { safeNextPath } from "@/lib/safe-next";
import { EmailField } from "./auth-fields";
import { AuthForm } from "./auth-form";
import { VerifyCodeForm } from "./verify-code-form";

export function SignInForm() {
  const { signIn } = useAuthActions();
  const router = useRouter();
  const next = safeNextPath(useSearchParams().get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [awaitingCode, setAwaitingCode] = useState(false);

  if (awaitingCode) {
    return <VerifyCodeForm email={canonicalEmail(email)} onDone={() => router.replace(next)} />;
  }
  return (
    <AuthForm
      submitLabel="Sign in"
      pendingLabel="Signing in…"
      onSubmit={async () => {
        const result = await signIn("password", {
          flow: "signIn",
          email: canonicalEmail(email),
          password,
        });
        // An unverified account gets a fresh code instead of a session.
        if (result.signingIn) router.replace(next);
        else setAwaitingCode(true);
      }}
      footer={
        <div className="flex justify-between text-sm text-zinc-400">
          <Link href="/reset" className="text-sky-300 underline">
            Forgot password?
          </Link>
          <Link href="/signup" className="text-sky-300 underline">
            Create an account
          </Link>
        </div>
      }
    >
      <EmailField value={email} onChange={setEmail} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
    </AuthForm>
  );
}
