import "server-only";
import { api } from "@convex/_generated/api";
import { fetchQuery } from "convex/nextjs";
import type { PublicTier } from "@/components/storefront/pricing-card";
import { env } from "@/env";

/** The tiers on sale for the server-rendered page, or null when the backend cannot be reached. */
export async function serverPricing(): Promise<PublicTier[] | null> {
  try {
    return await fetchQuery(api.storefront.pricing, {}, { url: env.NEXT_PUBLIC_CONVEX_URL });
  } catch {
    return null; // the page still renders, and says the plans could not be loaded
  }
}
