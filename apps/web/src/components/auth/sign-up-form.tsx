"use client";

import { useAuthActions } from "@convex-dev/auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { canonicalEmail } from "@/lib/auth-errors";
import { useAuthForm } from "./use-auth-form";
import { VerifyCodeForm } from "./verify-code-form";

export function SignUpForm() {
  const { signIn } = useAuthActions();
  const router = useRouter();
  const { pending, error, run } = useAuthForm();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [awaitingCode, setAwaitingCode] = useState(false);

  if (awaitingCode) {
    return <VerifyCodeForm email={canonicalEmail(email)} onDone={() => router.replace("/feed")} />;
  }
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          const result = await signIn("password", {
            flow: "signUp",
            email: canonicalEmail(email),
            password,
          });
          if (result.signingIn) router.replace("/feed");
          else setAwaitingCode(true);
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
      <FormError message={error} />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
      <p className="text-sm text-zinc-400">
        Already a member?{" "}
        <Link href="/signin" className="text-sky-300 underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
