import { Suspense } from "react";
import { AuthPage } from "@/components/auth/auth-page";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <AuthPage title="Sign in">
      <Suspense>
        <SignInForm />
      </Suspense>
    </AuthPage>
  );
}
