"use client";

import { Button } from "@/components/ui/button";
import { readAppError } from "@/lib/app-error";

function advice(error: Error): { title: string; detail: string } {
  switch (readAppError(error)?.code) {
    case "FORBIDDEN":
      return {
        title: "You don't have access to this page.",
        detail: "Sign in with an admin account.",
      };
    case "UNAUTHENTICATED":
      return {
        title: "Your session has ended.",
        detail: "Sign in again to continue.",
      };
    default:
      return {
        title: "Something went wrong.",
        detail: "Try again; if it keeps happening, reload.",
      };
  }
}

export default function ErrorPage({ error, reset }: { error: Error; reset: () => void }) {
  const { title, detail } = advice(error);
  return (
    <div role="alert" className="mt-8 flex flex-col items-start gap-3">
      <h1 className="text-xl font-semibold text-white">{title}</h1>
      <p className="text-zinc-400">{detail}</p>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
