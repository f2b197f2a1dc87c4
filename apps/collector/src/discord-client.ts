import { Client, GatewayIntentBits, Options, Partials, type ClientOptions } from "discord.js";

/**
 * The source-guild client: text events with content, partial messages so edits and deletes of
 * messages posted before a restart still arrive, and small caches (Convex holds the state).
 */
export function createDiscordClient(options: {
  apiUrl: string | undefined;
  overrides?: Partial<ClientOptions>;
}): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
    ],
    partials: [Partials.Message, Partials.Channel],
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 50,
      ReactionManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
    }),
    ...options.overrides,
    rest: {
      ...(options.apiUrl === undefined ? {} : { api: options.apiUrl }),
      ...options.overrides?.rest,
    },
  });
}
