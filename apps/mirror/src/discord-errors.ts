import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from "discord.js";
import type { ErrorReport } from "./mirror-api.js";

/**
 * What a failed Discord call means for the work item. Discord's JSON error codes decide; HTTP
 * status is the fallback. Explicit cases the mirror handles differently are named.
 */
export type DiscordFailure =
  | { kind: "transient"; message: string; code?: number; retryAfterMs?: number }
  | { kind: "permanent"; message: string; code: number }
  /** Unknown Message: the customer message is gone (deleted by a moderator). */
  | { kind: "message_gone"; message: string; code: number }
  /** Too many edits to a message older than an hour. */
  | { kind: "edit_cap"; message: string; code: number }
  /** Request entity too large / HTTP 413: a file is bigger than the guild accepts. */
  | { kind: "too_large"; message: string; code: number };

export const PERMANENT_CODES: ReadonlyMap<number, string> = new Map([
  [
    RESTJSONErrorCodes.UnknownChannel,
    "Unknown Channel: the mapped customer channel no longer exists",
  ],
  [RESTJSONErrorCodes.UnknownGuild, "Unknown Guild: the bot is not in the customer guild"],
  [RESTJSONErrorCodes.MissingAccess, "Missing Access: the bot cannot see the customer channel"],
  [
    RESTJSONErrorCodes.MissingPermissions,
    "Missing Permissions: give the bot Send Messages / Attach Files / Manage Roles",
  ],
  [RESTJSONErrorCodes.InvalidFormBodyOrContentType, "Invalid Form Body"],
  [RESTJSONErrorCodes.UnknownRole, "Unknown Role: the paid role no longer exists"],
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
    // Discord's JSON error code (discord.js types it as number | string).
    const jsonCode = typeof error.code === "number" ? (error.code as RESTJSONErrorCodes) : null;
    if (jsonCode === RESTJSONErrorCodes.UnknownMessage) {
      return { kind: "message_gone", message: error.message, code };
    }
    if (jsonCode === RESTJSONErrorCodes.MaximumNumberOfEditsToMessagesOlderThanOneHourReached) {
      return { kind: "edit_cap", message: error.message, code };
    }
    if (jsonCode === RESTJSONErrorCodes.RequestEntityTooLarge || error.status === 413)
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

/**
 * What Convex is told about a failed delivery or role job: only a transient failure is retried
 * (after Discord's Retry-After when it gave one); every kind the worker did not handle itself is
 * permanent.
 */
export function errorReport(failure: DiscordFailure): ErrorReport {
  return {
    kind: failure.kind === "transient" ? "transient" : "permanent",
    message: failure.message,
    ...(failure.code === undefined ? {} : { code: failure.code }),
    ...(failure.kind === "transient" && failure.retryAfterMs !== undefined
      ? { retryAfterMs: failure.retryAfterMs }
      : {}),
  };
}
