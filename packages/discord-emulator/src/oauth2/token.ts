// POST /api[/v10]/oauth2/token and /token/revoke: x-www-form-urlencoded only, client auth by
// HTTP Basic or body fields, RFC 6749 error bodies.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorCore } from "../core.js";
import { BodyTooLargeError, contentTypeOf, readBody } from "../http/body.js";
import { sendJson } from "../http/respond.js";
import type { ApplicationRecord } from "../world/types.js";
import { pkceS256, safeEqual } from "./grants.js";

type OAuthError = { status: number; error: string; description: string };

const invalidClient: OAuthError = {
  status: 401,
  error: "invalid_client",
  description: "Unknown client or bad client_secret",
};
const invalidGrant = (description: string): OAuthError => ({
  status: 400,
  error: "invalid_grant",
  description,
});

async function readForm(req: IncomingMessage): Promise<URLSearchParams | OAuthError> {
  if (contentTypeOf(req) !== "application/x-www-form-urlencoded")
    return {
      status: 400,
      error: "unsupported_grant_type",
      description: "Send application/x-www-form-urlencoded",
    };
  try {
    return new URLSearchParams((await readBody(req, 64 * 1024)).toString("utf8"));
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return { status: 413, error: "invalid_request", description: "Body too large" };
    throw error;
  }
}

function authenticateClient(
  core: EmulatorCore,
  req: IncomingMessage,
  form: URLSearchParams,
): ApplicationRecord | null {
  let id = form.get("client_id");
  let secret = form.get("client_secret");
  const header = req.headers.authorization;
  if (header?.toLowerCase().startsWith("basic ")) {
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return null;
    id = decodeURIComponent(decoded.slice(0, colon));
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  const app = id ? core.world.applications.get(id) : undefined;
  if (!app || secret === null) return null;
  return safeEqual(secret, app.clientSecret) ? app : null;
}

/** Sends an RFC 6749 error body; returns its status for the request log. */
function fail(res: ServerResponse, error: OAuthError): number {
  sendJson(
    res,
    error.status,
    { error: error.error, error_description: error.description },
    { "cache-control": "no-store" },
  );
  return error.status;
}

function ok(res: ServerResponse, body: Record<string, unknown>): number {
  sendJson(res, 200, body, { "cache-control": "no-store", pragma: "no-cache" });
  return 200;
}

type AuthenticatedClient = { form: URLSearchParams; app: ApplicationRecord };

/**
 * An endpoint only an authenticated client may call (RFC 6749 §2.3): the form is read and the
 * client authenticated first, and on failure the error is sent without calling `handle`.
 */
function clientEndpoint(
  handle: (core: EmulatorCore, res: ServerResponse, client: AuthenticatedClient) => number,
) {
  return async (core: EmulatorCore, req: IncomingMessage, res: ServerResponse): Promise<number> => {
    const form = await readForm(req);
    if (!(form instanceof URLSearchParams)) return fail(res, form);
    const app = authenticateClient(core, req, form);
    return app ? handle(core, res, { form, app }) : fail(res, invalidClient);
  };
}

export const handleToken = clientEndpoint((core, res, { form, app }) => {
  const grantType = form.get("grant_type");
  if (grantType === "authorization_code") {
    const code = core.grants.consumeCode(form.get("code") ?? "");
    if (!code || code.applicationId !== app.id)
      return fail(res, invalidGrant('Invalid "code" in request.'));
    if (code.redirectUri !== form.get("redirect_uri"))
      return fail(res, invalidGrant('Invalid "redirect_uri" in request.'));
    if (code.codeChallenge !== null) {
      const verifier = form.get("code_verifier") ?? "";
      if (
        !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) ||
        !safeEqual(pkceS256(verifier), code.codeChallenge)
      )
        return fail(res, invalidGrant('Invalid "code_verifier" in request.'));
    }
    const tokens = core.grants.issueTokens({
      applicationId: app.id,
      userId: code.userId,
      scopes: code.scopes,
    });
    core.logger.info("oauth2_token_issued", {
      applicationId: app.id,
      userId: code.userId,
      grantType,
    });
    return ok(res, tokens);
  }
  if (grantType === "refresh_token") {
    const tokens = core.grants.refresh(form.get("refresh_token") ?? "", app.id);
    if (!tokens) return fail(res, invalidGrant('Invalid "refresh_token" in request.'));
    return ok(res, tokens);
  }
  return fail(res, {
    status: 400,
    error: "unsupported_grant_type",
    description: "Use authorization_code or refresh_token",
  });
});

export const handleRevoke = clientEndpoint((core, res, { form, app }) => {
  // RFC 7009: an unknown token is not an error.
  core.grants.revoke(form.get("token") ?? "", app.id);
  sendJson(res, 200, {});
  return 200;
});
