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

function reply(res: ServerResponse, out: OAuthError | Record<string, unknown>): void {
  if ("error" in out && "status" in out && typeof out.status === "number")
    return sendJson(
      res,
      out.status,
      { error: out.error, error_description: out.description },
      { "cache-control": "no-store" },
    );
  sendJson(res, 200, out, { "cache-control": "no-store", pragma: "no-cache" });
}

export async function handleToken(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<number> {
  const form = await readForm(req);
  if (!(form instanceof URLSearchParams)) return (reply(res, form), form.status);
  const app = authenticateClient(core, req, form);
  if (!app) return (reply(res, invalidClient), 401);
  const grantType = form.get("grant_type");
  if (grantType === "authorization_code") {
    const code = core.grants.consumeCode(form.get("code") ?? "");
    if (!code || code.applicationId !== app.id)
      return (reply(res, invalidGrant('Invalid "code" in request.')), 400);
    if (code.redirectUri !== form.get("redirect_uri"))
      return (reply(res, invalidGrant('Invalid "redirect_uri" in request.')), 400);
    if (code.codeChallenge !== null) {
      const verifier = form.get("code_verifier") ?? "";
      if (
        !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) ||
        !safeEqual(pkceS256(verifier), code.codeChallenge)
      )
        return (reply(res, invalidGrant('Invalid "code_verifier" in request.')), 400);
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
    return (reply(res, tokens), 200);
  }
  if (grantType === "refresh_token") {
    const tokens = core.grants.refresh(form.get("refresh_token") ?? "", app.id);
    if (!tokens) return (reply(res, invalidGrant('Invalid "refresh_token" in request.')), 400);
    return (reply(res, tokens), 200);
  }
  reply(res, {
    status: 400,
    error: "unsupported_grant_type",
    description: "Use authorization_code or refresh_token",
  });
  return 400;
}

export async function handleRevoke(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<number> {
  const form = await readForm(req);
  if (!(form instanceof URLSearchParams)) return (reply(res, form), form.status);
  const app = authenticateClient(core, req, form);
  if (!app) return (reply(res, invalidClient), 401);
  // RFC 7009: an unknown token is not an error.
  core.grants.revoke(form.get("token") ?? "", app.id);
  sendJson(res, 200, {});
  return 200;
}
