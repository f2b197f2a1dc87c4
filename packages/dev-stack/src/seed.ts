import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { DEMO_IDS } from "@g3/discord-emulator";

/** The Sell.app product id the demo world sells: the dev webhook tool's default product. */
export const DEMO_PRODUCT_ID = "501";
/** Its variant: the dev tool's subscription payloads name only the variant, as Sell.app's do. */
export const DEMO_VARIANT_ID = "601";

type SeedArgs = {
  tier: {
    key: string;
    name: string;
    discordRoleId?: string;
    purchaseUrl?: string;
    orderAccessDays?: number;
    graceHours: number;
  };
  sellappProductId: string;
  sellappVariantIds?: string[];
  mappings: {
    label: string;
    sourceGuildId: string;
    sourceChannelId: string;
    customerGuildId: string;
    customerChannelId: string;
  }[];
};

const configure = makeFunctionReference<"mutation", SeedArgs, unknown>("seed:configure");

/** Configures the demo tier, its Sell.app product and the VIP channel mapping (idempotent). */
export async function seedDemoWorld(backendUrl: string, adminKey: string): Promise<void> {
  const client = new ConvexHttpClient(backendUrl);
  // Internal functions answer only to the deployment's admin key.
  (client as unknown as { setAdminAuth(key: string): void }).setAdminAuth(adminKey);
  await client.mutation(configure, {
    tier: {
      key: "vip",
      name: "VIP",
      discordRoleId: DEMO_IDS.vipRole,
      purchaseUrl: "https://sell.app/demo/vip",
      orderAccessDays: 30,
      graceHours: 72,
    },
    sellappProductId: DEMO_PRODUCT_ID,
    sellappVariantIds: [DEMO_VARIANT_ID],
    mappings: [
      {
        label: "VIP signals",
        sourceGuildId: DEMO_IDS.sourceGuild,
        sourceChannelId: DEMO_IDS.sourceVipSignals,
        customerGuildId: DEMO_IDS.customerGuild,
        customerChannelId: DEMO_IDS.customerVipSignals,
      },
    ],
  });
}

/**
 * Seeds the demo world into a backend the supervisor just started, with the admin key it wrote
 * into its data directory; returns the key (harnesses seed and read through it).
 */
export async function seedStartedBackend(backendUrl: string, dataDir: string): Promise<string> {
  const adminKey = readFileSync(join(dataDir, "admin_key"), "utf8").trim();
  await seedDemoWorld(backendUrl, adminKey);
  return adminKey;
}
