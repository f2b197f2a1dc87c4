"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error; reset: () => void }) {
  const forbidden = error.message.includes("FORBIDDEN") || error.message.includes("Admins only");
  return (
    <div role="alert" className="mt-8 flex flex-col items-start gap-3">
      <h1 className="text-xl font-semibold text-white">
        {forbidden ? "You don't have access to this page." : "Something went wrong."}
      </h1>
      <p className="text-zinc-400">
        {forbidden ? "Sign in with an admin account." : "Try again; if it keeps happening, reload."}
      </p>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
