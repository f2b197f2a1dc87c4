import type { Logger } from "pino";
import { keepTrying } from "./keep-trying";

/** The parts of a discord.js `Client` a login needs. */
export type DiscordLoginClient = {
  login: (token: string) => Promise<unknown>;
  rest: { setToken: (token: string) => unknown; get: (route: `/${string}`) => Promise<unknown> };
};

/**
 * What discord.js throws when Discord refuses the bot's token: `TokenInvalid`/`TokenMissing` from
 * `login()`, a 401 from REST. Retrying cannot help; a person has to fix the setting.
 */
export function isRefusedDiscordToken(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, status } = error as { code?: unknown; status?: unknown };
  return code === "TokenInvalid" || code === "TokenMissing" || status === 401;
}

/**
 * Logs a discord.js client in once Discord answers. Discord down, slow or answering 5xx/429 at
 * start-up is a passing state, and a bot that exits on it stays down (or burns its supervisor's
 * restart budget), so the first call of a login (`GET /gateway/bot`, which also checks the token)
 * is retried with backoff until it succeeds; only a refused token ends that at once. The login
 * itself then runs once: discord.js destroys a client whose login failed, for good (it would not
 * reconnect after a later drop), so a failure there is thrown for the process to exit non-zero
 * and be restarted fresh. Also throws once `signal` asks the service to stop.
 */
export async function loginToDiscord(
  client: DiscordLoginClient,
  token: string,
  options: { logger: Pick<Logger, "warn">; signal?: AbortSignal; maxDelayMs?: number },
): Promise<void> {
  client.rest.setToken(token);
  await keepTrying(() => client.rest.get("/gateway/bot"), {
    what: "Discord login",
    logger: options.logger,
    isPermanent: isRefusedDiscordToken,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.maxDelayMs === undefined ? {} : { maxDelayMs: options.maxDelayMs }),
  });
  await client.login(token);
}
