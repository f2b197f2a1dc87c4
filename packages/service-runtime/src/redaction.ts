/**
 * The one list of log fields that may carry a credential, for every service. A field is redacted
 * by name wherever it sits in a logged object, up to REDACT_DEPTH levels deep (pino's redaction
 * compiles explicit paths; it has no recursive wildcard, so depth is spelled out).
 */

/** Field names, matched exactly (pino paths are case-sensitive: both spellings that occur). */
export const SECRET_FIELD_NAMES = [
  // Discord and OAuth
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "botToken",
  "discordToken",
  "clientSecret",
  "client_secret",
  "code_verifier",
  // Shared secrets between the bots and Convex, and Sell.app's webhook signing secret
  "secret",
  "serviceSecret",
  "webhookSecret",
  "signingSecret",
  "apiKey",
  "api_key",
  "privateKey",
  // People's credentials
  "password",
  "newPassword",
  "currentPassword",
  // HTTP headers
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  "set-cookie",
  "Set-Cookie",
  "x-api-key",
  // Environment variables, when a config object is logged whole
  "DISCORD_TOKEN",
  "DISCORD_COLLECTOR_TOKEN",
  "DISCORD_MIRROR_TOKEN",
  "DISCORD_ANALYST_TOKEN",
  "DISCORD_CLIENT_SECRET",
  "CONVEX_SERVICE_SECRET",
  "SELLAPP_WEBHOOK_SECRET",
  "SELLAPP_WEBHOOK_SECRET_PREVIOUS",
  "JWT_PRIVATE_KEY",
  "RESEND_API_KEY",
  "CONVEX_ADMIN_KEY",
] as const;

/** Nesting levels covered below the top: `a`, `*.a`, `*.*.a`, `*.*.*.a`. */
export const REDACT_DEPTH = 3;

/** What replaces a redacted value. */
export const REDACTED = "[redacted]";

function pathFor(prefix: string, name: string): string {
  const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : `["${name}"]`;
  if (prefix === "") return key;
  return key.startsWith("[") ? `${prefix}${key}` : `${prefix}.${key}`;
}

/** Every pino redaction path: each field name at every depth up to REDACT_DEPTH. */
export const REDACT_PATHS: readonly string[] = SECRET_FIELD_NAMES.flatMap((name) =>
  Array.from({ length: REDACT_DEPTH + 1 }, (_, depth) =>
    pathFor(Array.from({ length: depth }, () => "*").join("."), name),
  ),
);
