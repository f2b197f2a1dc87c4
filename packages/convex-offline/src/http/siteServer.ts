// The site port: HTTP actions from convex/http.ts, with `Authorization: Bearer` verified
// and mapped to the action's identity.
import { type IncomingMessage, type ServerResponse } from "node:http";
import { type TokenVerifier } from "../auth/tokenVerifier.js";
import { type Engine } from "../engine/engine.js";
import { type Logger, errorMessage } from "../log.js";
import { callerFromHeader } from "./callerAuth.js";
import { httpActionFailureBody, newRequestId } from "../engine/errorReport.js";
import { HttpError, sendError, sendJson, toFetchRequest, writeFetchResponse } from "./httpUtil.js";

export type SiteDeps = {
  readonly engine: () => Engine;
  readonly verifier: () => TokenVerifier;
  readonly adminKey: string;
  readonly siteUrl: () => string;
  readonly logger: Logger;
};

export function createSiteHandler(deps: SiteDeps) {
  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const engine = deps.engine();
    if (!engine.hasModule("http")) {
      throw new HttpError(
        404,
        "NoHttpRouter",
        "This app has no convex/http.ts, so it serves no HTTP actions.",
      );
    }
    const header = request.headers.authorization;
    const bearer = header !== undefined && /^bearer /i.test(header.trim()) ? header : undefined;
    const caller = await callerFromHeader(bearer, deps.verifier(), deps.adminKey);
    const fetchRequest = await toFetchRequest(request, deps.siteUrl());
    const started = Date.now();
    let result: Response;
    try {
      result = await engine.fetch(fetchRequest, caller.identity);
    } catch (thrown) {
      // The action threw: Convex answers 500 with the error as JSON (errorReport.ts).
      const body = httpActionFailureBody(thrown, {
        requestId: newRequestId(),
        redact: engine.redactErrors,
        functionsDir: engine.functionsDir,
      });
      deps.logger.log("error", "http_action.failed", {
        path: new URL(fetchRequest.url).pathname,
        error: errorMessage(thrown),
      });
      sendJson(response, 500, body);
      return;
    }
    deps.logger.log("debug", "http_action", {
      method: fetchRequest.method,
      path: new URL(fetchRequest.url).pathname,
      status: result.status,
      ms: Date.now() - started,
    });
    await writeFetchResponse(result, response);
  }

  return (request: IncomingMessage, response: ServerResponse): void => {
    route(request, response).catch((error: unknown) => {
      if (error instanceof HttpError) {
        sendError(response, error);
        return;
      }
      deps.logger.log("error", "http_action.failed", {
        path: request.url,
        error: errorMessage(error),
      });
      if (!response.headersSent)
        sendError(response, new HttpError(500, "InternalServerError", errorMessage(error)));
      else response.end();
    });
  };
}
