"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { useAuthForm } from "./use-auth-form";

type Props = {
  /** One auth step; a thrown error is shown as user-facing advice above the button. */
  onSubmit: () => Promise<void>;
  submitLabel: string;
  pendingLabel: string;
  children: ReactNode;
  /** Links under the submit button. */
  footer?: ReactNode;
};

/** The frame every auth step shares: fields, the error, a submit button that shows progress. */
export function AuthForm({ onSubmit, submitLabel, pendingLabel, children, footer }: Props) {
  const { pending, error, run } = useAuthForm();
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void run(onSubmit);
      }}
    >
      {children}
      <FormError message={error} />
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
      {footer}
    </form>
  );
}
