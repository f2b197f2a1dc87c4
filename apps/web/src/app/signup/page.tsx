import { AuthPage } from "@/components/auth/auth-page";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata = { title: "Create your account" };

export default function SignUpPage() {
  return (
    <AuthPage title="Create your account">
      <SignUpForm />
    </AuthPage>
  );
}
