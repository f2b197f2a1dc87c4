import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";

/**
 * What a failed Discord call means for the work item. Discord's JSON error codes decide; HTTP
 * status is the fallback. Explicit cases the mirror handles differently are named.
 */
export type DiscordFailure =
  | { kind: "transient"; message: string; code?: number; retryAfterMs?: number }
  | { kind: "permanent"; message: string; code: number }
  /** 10008 Unknown Message: the customer message is gone (deleted by a moderator). */
  | { kind: "message_gone"; message: string; code: number }
  /** 30046: too many edits to a message older than an hour. */
  | { kind: "edit_cap"; message: string; code: number }
  /** 40005 / 413: a file is bigger than the guild accepts. */
  | { kind: "too_large"; message: string; code: number };

export const PERMANENT_CODES: ReadonlyMap<number, string> = new Map([
  [10003, "Unknown Channel: the mapped customer channel no longer exists"],
  [10004, "Unknown Guild: the bot is not in the customer guild"],
  [50001, "Missing Access: the bot cannot see the customer channel"],
  [50013, "Missing Permissions: give the bot Send Messages / Attach Files / Manage Roles"],
  [50035, "Invalid Form Body"],
  [10011, "Unknown Role: the paid role no longer exists"],
]);

export function classifyDiscordError(error: unknown): DiscordFailure {
  if (error instanceof RateLimitError) {
    return {
      kind: "transient",
      message: `rate limited on ${error.route} (${error.scope})`,
      code: 429,
      retryAfterMs: error.retryAfter,
    };
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === "number" ? error.code : error.status;
    if (code === 10008) return { kind: "message_gone", message: error.message, code };
    if (code === 30046) return { kind: "edit_cap", message: error.message, code };
    if (code === 40005 || error.status === 413)
      return { kind: "too_large", message: error.message, code };
    const known = PERMANENT_CODES.get(code);
    if (known !== undefined)
      return { kind: "permanent", message: `${known} (${error.message})`, code };
    if (error.status >= 500 || error.status === 429 || error.status === 408) {
      return { kind: "transient", message: error.message, code };
    }
    // Any other 4xx will fail the same way next time: surface it instead of looping.
    return { kind: "permanent", message: error.message, code };
  }
  if (error instanceof HTTPError) {
    return {
      kind: "transient",
      message: `HTTP ${error.status} ${error.message}`,
      code: error.status,
    };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // Timeouts (AbortError), connection resets, Convex storage download failures: retry later.
  return { kind: "transient", message };
}
