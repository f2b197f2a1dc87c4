// Verifies user JWTs against the providers in the app's auth.config.ts:
//  - OIDC providers {domain, applicationID}: discovery at <domain>/.well-known/openid-configuration,
//    except our own site URL (Convex Auth), which uses the JWKS env var when it is set;
//  - custom JWT providers {type:"customJwt", issuer, jwks, algorithm, applicationID?}.
import {
  type JWTPayload,
  type JWTVerifyGetKey,
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  jwtVerify,
} from "jose";
import { z } from "zod";
import { type Identity } from "../engine/engine.js";
import { identityFromClaims } from "./identity.js";

const oidcProvider = z.object({
  type: z.undefined().optional(),
  domain: z.string().min(1),
  applicationID: z.string().min(1),
});
const customJwtProvider = z.object({
  type: z.literal("customJwt"),
  issuer: z.string().min(1),
  jwks: z.string().min(1),
  algorithm: z.string().min(1),
  applicationID: z.string().optional(),
});
const authConfigSchema = z.object({
  providers: z.array(z.union([oidcProvider, customJwtProvider])),
});

export class AuthTokenError extends Error {}

type Provider = {
  readonly issuer: string;
  readonly audience: string | undefined;
  readonly algorithms: string[] | undefined;
  readonly keys: () => Promise<JWTVerifyGetKey>;
};

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  return () => {
    value ??= make().catch((error: unknown) => {
      value = null;
      throw error;
    });
    return value;
  };
}

async function discoverJwks(domain: string): Promise<JWTVerifyGetKey> {
  const response = await fetch(`${trimSlash(domain)}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OIDC discovery for ${domain} failed: HTTP ${response.status}`);
  const config = z.object({ jwks_uri: z.string().url() }).parse(await response.json());
  return createRemoteJWKSet(new URL(config.jwks_uri));
}

function keysFromJwksString(jwks: string): JWTVerifyGetKey {
  if (jwks.startsWith("data:")) {
    const comma = jwks.indexOf(",");
    const meta = jwks.slice(0, comma);
    const data = jwks.slice(comma + 1);
    const text = meta.endsWith(";base64")
      ? Buffer.from(data, "base64").toString("utf8")
      : decodeURIComponent(data);
    return createLocalJWKSet(JSON.parse(text) as Parameters<typeof createLocalJWKSet>[0]);
  }
  return createRemoteJWKSet(new URL(jwks));
}

export class TokenVerifier {
  private constructor(private readonly providers: Provider[]) {}

  /** Builds the verifier; `siteUrl` and `env` let Convex Auth verify without a network hop. */
  static fromConfig(
    config: unknown,
    siteUrl: string,
    env: Record<string, string | undefined>,
  ): TokenVerifier {
    if (config === null || config === undefined) return new TokenVerifier([]);
    const parsed = authConfigSchema.safeParse(config);
    if (!parsed.success) {
      throw new Error(`auth.config.ts is invalid: ${parsed.error.message}`);
    }
    const providers = parsed.data.providers.map((provider): Provider => {
      if (provider.type === "customJwt") {
        return {
          issuer: trimSlash(provider.issuer),
          audience: provider.applicationID,
          algorithms: [provider.algorithm],
          keys: lazy(() => Promise.resolve(keysFromJwksString(provider.jwks))),
        };
      }
      const domain = trimSlash(provider.domain);
      const localJwks = domain === trimSlash(siteUrl) ? env.JWKS : undefined;
      return {
        issuer: domain,
        audience: provider.applicationID,
        algorithms: undefined,
        keys: lazy(() =>
          localJwks
            ? Promise.resolve(
                createLocalJWKSet(JSON.parse(localJwks) as Parameters<typeof createLocalJWKSet>[0]),
              )
            : discoverJwks(domain),
        ),
      };
    });
    return new TokenVerifier(providers);
  }

  get providerCount(): number {
    return this.providers.length;
  }

  async verify(token: string): Promise<Identity> {
    let claims: JWTPayload;
    try {
      claims = decodeJwt(token);
    } catch {
      throw new AuthTokenError("Could not parse the auth token: it is not a JWT.");
    }
    const issuer = trimSlash(String(claims.iss ?? ""));
    const provider = this.providers.find((p) => p.issuer === issuer);
    if (provider === undefined) {
      throw new AuthTokenError(
        `No auth provider found matching the given token (issuer "${issuer}"). Check auth.config.ts.`,
      );
    }
    try {
      const { payload } = await jwtVerify(token, await provider.keys(), {
        issuer: [issuer, `${issuer}/`],
        ...(provider.audience !== undefined ? { audience: provider.audience } : {}),
        ...(provider.algorithms !== undefined ? { algorithms: provider.algorithms } : {}),
      });
      return identityFromClaims(payload);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AuthTokenError(
        `Could not verify token claim: ${reason}. Check that the token signature is valid and the token hasn't expired.`,
      );
    }
  }
}
