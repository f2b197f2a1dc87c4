import { DEMO_IDS, demoWorld, type TWorldSpecInput } from "@g3/discord-emulator";

/** The soak's customers: Discord users who link their account and pay. */
export type CustomerIdentity = { index: number; discordUserId: string; email: string };

export function customerIdentities(count: number, runId: string): CustomerIdentity[] {
  return Array.from({ length: count }, (_, index) => ({
    index,
    // 19-digit snowflakes far from the demo world's ids.
    discordUserId: String(1_300_000_000_000_000_000n + BigInt(index)),
    email: `chaos-${runId}-${index}@chaos.test`,
  }));
}

/**
 * The demo world with the soak's customers added, an empty source #vip-signals (every source
 * message is then one the soak posted and tracks) and Discord rate limits off: the soak injects
 * its own 429s, at moments of its choosing, instead of throttling the workload.
 */
export function chaosWorld(
  customers: CustomerIdentity[],
  /** Messages already in the source #vip-signals at start (a focused scenario's history). */
  sourceHistory: { id: string; content: string }[] = [],
): TWorldSpecInput {
  const world = structuredClone(demoWorld) as TWorldSpecInput;
  return {
    ...world,
    settings: { ...world.settings, rateLimits: { enabled: false } },
    users: [
      ...(world.users ?? []),
      ...customers.map((customer) => ({
        id: customer.discordUserId,
        username: `chaos_customer_${customer.index}`,
        globalName: `Chaos Customer ${customer.index}`,
        email: customer.email,
      })),
    ],
    guilds: (world.guilds ?? []).map((guild) => ({
      ...guild,
      channels: guild.channels?.map((channel) =>
        channel.id === DEMO_IDS.sourceVipSignals
          ? {
              ...channel,
              messages: sourceHistory.map((m) => ({ ...m, authorId: DEMO_IDS.analystUser })),
            }
          : channel,
      ),
    })),
  };
}
