"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";

export function AccountEmail() {
  const viewer = useQuery(api.users.viewer, {});
  if (!viewer) return null;
  return (
    <p className="text-sm text-zinc-300">
      Signed in as <strong className="text-white">{viewer.email}</strong>
      {viewer.emailVerified ? " (verified)" : " (not verified)"}
      {viewer.isAdmin ? " · admin" : ""}
    </p>
  );
}
