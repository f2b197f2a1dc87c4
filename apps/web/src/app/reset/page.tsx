import { AuthPage } from "@/components/auth/auth-page";
import { ResetForm } from "@/components/auth/reset-form";

export const metadata = { title: "Reset password" };

export default function ResetPage() {
  return (
    <AuthPage title="Reset your password">
      <ResetForm />
    </AuthPage>
  );
}
