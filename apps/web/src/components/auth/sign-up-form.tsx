"use client";

import { useAuthActions } from "@convex-dev/auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { canonicalEmail } from "@/lib/auth-errors";
import { EmailField } from "./auth-fields";
import { AuthForm } from "./auth-form";
import { VerifyCodeForm } from "./verify-code-form";

export function SignUpForm() {
  const { signIn } = useAuthActions();
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [awaitingCode, setAwaitingCode] = useState(false);

  if (awaitingCode) {
    return <VerifyCodeForm email={canonicalEmail(email)} onDone={() => router.replace("/feed")} />;
  }
  return (
    <AuthForm
      submitLabel="Create account"
      pendingLabel="Creating account…"
      onSubmit={async () => {
        const result = await signIn("password", {
          flow: "signUp",
          email: canonicalEmail(email),
          password,
        });
        if (result.signingIn) router.replace("/feed");
        else setAwaitingCode(true);
      }}
      footer={
        <p className="text-sm text-zinc-400">
          Already a member?{" "}
          <Link href="/signin" className="text-sky-300 underline">
            Sign in
          </Link>
        </p>
      }
    >
      <EmailField value={email} onChange={setEmail} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        hint="At least 10 characters."
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
    </AuthForm>
  );
}
