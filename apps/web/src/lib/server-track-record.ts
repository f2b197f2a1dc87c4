import "server-only";
import { api } from "@convex/_generated/api";
import { fetchQuery } from "convex/nextjs";
import type { FunctionReturnType } from "convex/server";
import { env } from "@/env";

export type PublicRecord = FunctionReturnType<typeof api.trackRecord.publicRecord>;

/** The delayed public track record for the server-rendered landing page, or null when unreachable. */
export async function serverPublicRecord(): Promise<PublicRecord | null> {
  try {
    return await fetchQuery(api.trackRecord.publicRecord, {}, { url: env.NEXT_PUBLIC_CONVEX_URL });
  } catch {
    return null; // the landing page still renders, and says the record could not be loaded
  }
}
