import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

export function AuthPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto mt-6 max-w-sm">
      <h1 className="mb-4 text-2xl font-semibold text-white">{title}</h1>
      <Card>{children}</Card>
    </div>
  );
}
