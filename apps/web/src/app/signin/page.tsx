import { Suspense } from "react";
import { AuthPage } from "@/components/auth/auth-page";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata = {
  title: "Sign in",
  description: "Sign in to G3netic Crypto Signals: your live signal feed, account and billing.",
};

export default function SignInPage() {
  return (
    <AuthPage title="Sign in">
      <Suspense>
        <SignInForm />
      </Suspense>
    </AuthPage>
  );
}
