// GET /oauth2/authorize: validates the request, "consents" as the world's configured user
// (allow or deny), and 302s back to the registered redirect_uri with code&state or an error.
import type { ServerResponse } from "node:http";
import type { EmulatorCore } from "../core.js";
import { redirect, sendText } from "../http/respond.js";
import { CODE_TTL_MS, SUPPORTED_SCOPES } from "./grants.js";

function withParams(base: string, params: Record<string, string | null>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return url.toString();
}

export function handleAuthorize(core: EmulatorCore, url: URL, res: ServerResponse): void {
  const q = url.searchParams;
  const world = core.world;
  const app = world.applications.get(q.get("client_id") ?? "");
  if (!app) return sendText(res, 400, "Unknown application: check client_id.");
  const redirectUri = q.get("redirect_uri") ?? app.redirectUris[0] ?? "";
  // Never redirect to an unregistered URI: show an error page instead, like Discord.
  if (!app.redirectUris.includes(redirectUri))
    return sendText(
      res,
      400,
      "Invalid OAuth2 redirect_uri: register it on the application in the world spec.",
    );
  const state = q.get("state");
  const fail = (error: string, description: string) =>
    redirect(res, withParams(redirectUri, { error, error_description: description, state }));

  if (q.get("response_type") !== "code")
    return fail("unsupported_response_type", "Only response_type=code is supported");
  const scopes = (q.get("scope") ?? "").split(/[\s+]+/).filter(Boolean);
  if (scopes.length === 0 || scopes.some((s) => !SUPPORTED_SCOPES.has(s)))
    return fail("invalid_scope", `Supported scopes: ${[...SUPPORTED_SCOPES].join(" ")}`);
  const challenge = q.get("code_challenge");
  const method = q.get("code_challenge_method");
  if (challenge !== null && (method !== "S256" || !/^[A-Za-z0-9_-]{43,128}$/.test(challenge)))
    return fail(
      "invalid_request",
      "code_challenge must be a base64url S256 challenge with code_challenge_method=S256",
    );
  if (challenge === null && method !== null)
    return fail("invalid_request", "code_challenge_method without code_challenge");

  const consent = world.oauthConsent;
  if (!consent || !world.users.has(consent.userId))
    return fail(
      "access_denied",
      "No consenting user configured (world spec oauth2.userId or PUT /_control/oauth2/consent)",
    );
  if (consent.decision === "deny")
    return fail("access_denied", "The resource owner or authorization server denied the request");

  const code = core.grants.issueCode({
    applicationId: app.id,
    userId: consent.userId,
    redirectUri,
    scopes,
    codeChallenge: challenge,
    expiresAt: Date.now() + CODE_TTL_MS,
  });
  core.logger.info("oauth2_authorized", { applicationId: app.id, userId: consent.userId, scopes });
  redirect(res, withParams(redirectUri, { code, state }));
}
