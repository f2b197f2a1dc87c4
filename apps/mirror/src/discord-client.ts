import {
  Client,
  GatewayIntentBits,
  Options,
  type ClientOptions,
  type RateLimitData,
} from "discord.js";

export type DiscordClientSettings = {
  apiUrl?: string;
  /** Waits longer than this (a 429 storm) are rejected so the row backs off instead of blocking. */
  maxRateLimitWaitMs?: number;
  requestTimeoutMs?: number;
  retries?: number;
  globalRequestsPerSecond?: number;
  /** Extra options for tests (identify throttle, request rate). */
  overrides?: Partial<ClientOptions>;
};

/**
 * The customer-guild client. Guilds intent only: the mirror reads no messages from the gateway
 * (history is fetched over REST during crash recovery) and lists members over REST. The message
 * cache is off: the mirror edits and deletes by stored id.
 */
export function createDiscordClient(settings: DiscordClientSettings): Client {
  const maxWait = settings.maxRateLimitWaitMs ?? 5_000;
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: {
        maxSize: 50,
        keepOverLimit: (member) => member.id === member.client.user.id,
      },
      UserManager: 50,
      PresenceManager: 0,
      ReactionManager: 0,
      VoiceStateManager: 0,
    }),
    ...settings.overrides,
    rest: {
      ...(settings.apiUrl === undefined ? {} : { api: settings.apiUrl }),
      timeout: settings.requestTimeoutMs ?? 10_000,
      retries: settings.retries ?? 2,
      globalRequestsPerSecond: settings.globalRequestsPerSecond ?? 50,
      rejectOnRateLimit: (data: RateLimitData) => data.retryAfter > maxWait,
      ...settings.overrides?.rest,
    },
  });
}
