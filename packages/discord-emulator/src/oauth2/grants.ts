// OAuth2 authorization codes and token grants. Codes and tokens are random, stored only as
// sha256 hashes, codes are single-use and bound to client + redirect_uri (+ PKCE challenge).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const SUPPORTED_SCOPES = new Set([
  "identify",
  "email",
  "guilds",
  "guilds.join",
  "guilds.members.read",
  "connections",
  "openid",
]);

export const CODE_TTL_MS = 10 * 60_000;
export const ACCESS_TOKEN_TTL_S = 604_800;

export type AuthorizationCode = {
  applicationId: string;
  userId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | null;
  expiresAt: number;
};

export type Grant = {
  id: string;
  applicationId: string;
  userId: string;
  scopes: string[];
  accessExpiresAt: number;
};

export type IssuedTokens = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
};

const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");
const randomToken = (bytes = 24): string => randomBytes(bytes).toString("base64url");

export function pkceS256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a));
  const y = Buffer.from(sha256(b));
  return timingSafeEqual(x, y) && a.length === b.length;
}

export class GrantStore {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly grants = new Map<string, Grant>();
  private readonly byAccess = new Map<string, string>();
  private readonly byRefresh = new Map<string, string>();
  private readonly accessOf = new Map<string, string>();
  private readonly refreshOf = new Map<string, string>();

  issueCode(code: AuthorizationCode): string {
    const value = randomToken(20);
    this.codes.set(sha256(value), code);
    return value;
  }

  /** Single use: the code is gone after the first attempt, whether it succeeds or not. */
  consumeCode(value: string, now = Date.now()): AuthorizationCode | null {
    const key = sha256(value);
    const code = this.codes.get(key);
    if (!code) return null;
    this.codes.delete(key);
    return code.expiresAt > now ? code : null;
  }

  issueTokens(grantInit: Omit<Grant, "id" | "accessExpiresAt">, now = Date.now()): IssuedTokens {
    const grant: Grant = {
      ...grantInit,
      id: randomToken(12),
      accessExpiresAt: now + ACCESS_TOKEN_TTL_S * 1000,
    };
    this.grants.set(grant.id, grant);
    return this.rotate(grant);
  }

  refresh(refreshToken: string, applicationId: string, now = Date.now()): IssuedTokens | null {
    const grantId = this.byRefresh.get(sha256(refreshToken));
    const grant = grantId ? this.grants.get(grantId) : undefined;
    if (!grant || grant.applicationId !== applicationId) return null;
    grant.accessExpiresAt = now + ACCESS_TOKEN_TTL_S * 1000;
    return this.rotate(grant);
  }

  /** Valid, unexpired grant for a Bearer access token. */
  byAccessToken(accessToken: string, now = Date.now()): Grant | null {
    const grantId = this.byAccess.get(sha256(accessToken));
    const grant = grantId ? this.grants.get(grantId) : undefined;
    if (!grant || grant.accessExpiresAt <= now) return null;
    return grant;
  }

  /** Revokes the whole grant given either of its tokens; true when something was revoked. */
  revoke(token: string, applicationId: string): boolean {
    const hash = sha256(token);
    const grantId = this.byAccess.get(hash) ?? this.byRefresh.get(hash);
    const grant = grantId ? this.grants.get(grantId) : undefined;
    if (!grant || grant.applicationId !== applicationId) return false;
    this.dropTokens(grant.id);
    this.grants.delete(grant.id);
    return true;
  }

  clear(): void {
    for (const map of [
      this.codes,
      this.grants,
      this.byAccess,
      this.byRefresh,
      this.accessOf,
      this.refreshOf,
    ])
      map.clear();
  }

  private rotate(grant: Grant): IssuedTokens {
    this.dropTokens(grant.id);
    const access = randomToken();
    const refresh = randomToken();
    this.byAccess.set(sha256(access), grant.id);
    this.byRefresh.set(sha256(refresh), grant.id);
    this.accessOf.set(grant.id, sha256(access));
    this.refreshOf.set(grant.id, sha256(refresh));
    return {
      access_token: access,
      token_type: "Bearer",
      expires_in: Math.round((grant.accessExpiresAt - Date.now()) / 1000),
      refresh_token: refresh,
      scope: grant.scopes.join(" "),
    };
  }

  private dropTokens(grantId: string): void {
    const a = this.accessOf.get(grantId);
    const r = this.refreshOf.get(grantId);
    if (a) this.byAccess.delete(a);
    if (r) this.byRefresh.delete(r);
  }
}
