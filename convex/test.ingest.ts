// Channel mappings the collector posts through (not a Convex module: two dots keep it out of the API).
import { TIER } from "./test.roles";
import { newConvexTest, type TestConvex } from "./test.setup";

/** The fields of a channel mapping from the source test channel to the customer test channel. */
export const MAPPING = {
  label: "VIP calls",
  sourceGuildId: "1000000000000000001",
  sourceChannelId: "1000000000000000010",
  customerGuildId: "2000000000000000001",
  customerChannelId: "2000000000000000010",
  tierKey: TIER,
};

/** The source guild and channel the ingest suites post from (snowflakes shaped as Discord's). */
export const SOURCE_GUILD = "1196425551544451080";
export const SOURCE_CHANNEL = "1196426054860931082";

/** A test backend where SOURCE_CHANNEL is mapped to the vip tier (or mapped but disabled). */
export async function setupMappedSource(options: { enabled?: boolean } = {}): Promise<TestConvex> {
  const t = newConvexTest();
  await t.run((ctx) =>
    ctx.db.insert("channelMappings", {
      label: "VIP signals",
      sourceGuildId: SOURCE_GUILD,
      sourceChannelId: SOURCE_CHANNEL,
      customerGuildId: "1196427313152131087",
      customerChannelId: "1196427564810371088",
      tierKey: "vip",
      enabled: options.enabled ?? true,
      updatedAt: 0,
    }),
  );
  return t;
}
