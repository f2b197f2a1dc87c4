import { appError } from "../shared/errors";
import { z } from "zod";
import { optionalEnv, requireEnv } from "../shared/env";

/**
 * Discord's OAuth2 and member endpoints, as the link flow uses them. The base URL comes from
 * DISCORD_API_URL (the emulator locally; https://discord.com/api in production). Tokens are only
 * ever held in memory here: never logged, never stored (see discordLink.ts).
 */

const REQUEST_TIMEOUT_MS = 10_000;
export const LINK_SCOPES = "identify guilds.join";

export function discordApiBase(): string {
  return (optionalEnv("DISCORD_API_URL") ?? "https://discord.com/api").replace(/\/+$/, "");
}

/** The browser page: DISCORD_AUTHORIZE_URL, else DISCORD_API_URL without its `/api` suffix. */
export function authorizeEndpoint(): string {
  const explicit = optionalEnv("DISCORD_AUTHORIZE_URL");
  if (explicit !== undefined) return explicit;
  return `${discordApiBase().replace(/\/api(\/v\d+)?$/, "")}/oauth2/authorize`;
}

export function buildAuthorizeUrl(args: { state: string; codeChallenge: string }): string {
  const params = new URLSearchParams({
    response_type: "code",
    client_id: requireEnv("DISCORD_CLIENT_ID"),
    scope: LINK_SCOPES,
    state: args.state,
    redirect_uri: requireEnv("DISCORD_REDIRECT_URI"),
    code_challenge: args.codeChallenge,
    code_challenge_method: "S256",
    prompt: "consent",
  });
  return `${authorizeEndpoint()}?${params.toString()}`;
}

const ZTokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  scope: z.string().optional(),
});

const ZDiscordUser = z.object({
  id: z.string().regex(/^\d{17,20}$/),
  username: z.string(),
  global_name: z.string().nullable().optional(),
});
export type DiscordUser = z.infer<typeof ZDiscordUser>;

/** Exchanges the authorization code (with the PKCE verifier) for an access token. */
export async function exchangeCode(code: string, codeVerifier: string): Promise<string> {
  const clientId = requireEnv("DISCORD_CLIENT_ID");
  const clientSecret = requireEnv("DISCORD_CLIENT_SECRET");
  const response = await fetch(`${discordApiBase()}/v10/oauth2/token`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}`,
    },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: requireEnv("DISCORD_REDIRECT_URI"),
      code_verifier: codeVerifier,
    }).toString(),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) {
    // The body names the problem (invalid_grant: code reused or expired) and never echoes secrets.
    const detail = (await response.text()).slice(0, 200);
    throw appError(
      "DISCORD_EXCHANGE_FAILED",
      `Discord refused the authorization (HTTP ${response.status}: ${detail}). Start linking again.`,
    );
  }
  const parsed = ZTokenResponse.safeParse(await response.json());
  if (!parsed.success || parsed.data.token_type.toLowerCase() !== "bearer") {
    throw appError("DISCORD_EXCHANGE_FAILED", "Discord's token response was malformed.");
  }
  const scopes = new Set((parsed.data.scope ?? LINK_SCOPES).split(" "));
  if (!scopes.has("identify") || !scopes.has("guilds.join")) {
    throw appError(
      "DISCORD_SCOPE_MISSING",
      "Discord did not grant the identify and guilds.join permissions. Start linking again and accept both.",
    );
  }
  return parsed.data.access_token;
}

export async function fetchDiscordUser(accessToken: string): Promise<DiscordUser> {
  const response = await fetch(`${discordApiBase()}/v10/users/@me`, {
    headers: { Authorization: `Bearer ${accessToken}` },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) {
    throw appError(
      "DISCORD_USER_FAILED",
      `Discord did not return your account (HTTP ${response.status}).`,
    );
  }
  const parsed = ZDiscordUser.safeParse(await response.json());
  if (!parsed.success) {
    throw appError("DISCORD_USER_FAILED", "Discord's account response was malformed.");
  }
  return parsed.data;
}

export type JoinOutcome = "added" | "already_member" | "failed" | "not_configured";

/**
 * Adds the user to the customer guild with the BOT token and the paid roles they are entitled to.
 * 201: added with the roles. 204: already a member, and Discord did not apply `roles`.
 */
export async function joinCustomerGuild(args: {
  accessToken: string;
  discordUserId: string;
  roleIds: string[];
}): Promise<{ outcome: JoinOutcome; status?: number; detail?: string }> {
  const guildId = optionalEnv("DISCORD_CUSTOMER_GUILD_ID");
  const botToken = optionalEnv("DISCORD_MIRROR_TOKEN");
  if (guildId === undefined || botToken === undefined) return { outcome: "not_configured" };
  const response = await fetch(
    `${discordApiBase()}/v10/guilds/${guildId}/members/${args.discordUserId}`,
    {
      method: "PUT",
      headers: { Authorization: `Bot ${botToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ access_token: args.accessToken, roles: args.roleIds }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    },
  );
  if (response.status === 201) return { outcome: "added", status: 201 };
  if (response.status === 204) return { outcome: "already_member", status: 204 };
  return {
    outcome: "failed",
    status: response.status,
    detail: (await response.text()).slice(0, 200),
  };
}

/** Revokes the grant: we never need the user's token again (roles use the bot token). */
export async function revokeToken(accessToken: string): Promise<boolean> {
  const clientId = requireEnv("DISCORD_CLIENT_ID");
  const clientSecret = requireEnv("DISCORD_CLIENT_SECRET");
  try {
    const response = await fetch(`${discordApiBase()}/v10/oauth2/token/revoke`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}`,
      },
      body: new URLSearchParams({ token: accessToken, token_type_hint: "access_token" }).toString(),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return response.ok;
  } catch {
    return false;
  }
}
