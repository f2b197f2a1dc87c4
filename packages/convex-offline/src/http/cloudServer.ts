// The deployment port's HTTP API: function calls (ConvexHttpClient, `npx convex run`),
// file upload and download, health.
import { type IncomingMessage, type ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { type JSONValue } from "convex/values";
import { z } from "zod";
import { type TokenVerifier } from "../auth/tokenVerifier.js";
import { type CallOutcome, type Caller, callFunction } from "../engine/calls.js";
import { type Engine } from "../engine/engine.js";
import { type FunctionKind } from "../engine/functions.js";
import { type Logger, errorMessage } from "../log.js";
import { type DocumentStore } from "../storage/documentStore.js";
import { type FileStore } from "../storage/fileStore.js";
import { encodeTs } from "../sync/protocol.js";
import { callerFromHeader } from "./callerAuth.js";
import { safeFileHeaders } from "./fileHeaders.js";
import { CORS_HEADERS, HttpError, readBody, readJson, sendError, sendJson } from "./httpUtil.js";
import { type StorageTokens } from "./storageTokens.js";

const UDF_FAILED = 560;
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

const json = z.custom<JSONValue>(() => true);
const callBody = z.object({
  path: z.string().min(1),
  args: z.array(json).optional(),
  format: z.string().optional(),
  ts: z.string().optional(),
});
const functionBody = z.object({
  path: z.string().min(1),
  args: json.optional(),
  format: z.string().optional(),
  componentPath: z.string().nullable().optional(),
});

export type CloudDeps = {
  readonly engine: () => Engine;
  readonly verifier: () => TokenVerifier;
  readonly adminKey: string;
  readonly store: DocumentStore;
  readonly files: FileStore;
  readonly tokens: StorageTokens;
  readonly logger: Logger;
  readonly health: () => Record<string, unknown>;
};

function respondOutcome(response: ServerResponse, outcome: CallOutcome): void {
  if (outcome.ok) {
    sendJson(response, 200, {
      status: "success",
      value: outcome.value,
      logLines: outcome.logLines,
    });
    return;
  }
  sendJson(response, UDF_FAILED, {
    status: "error",
    errorMessage: outcome.message,
    logLines: outcome.logLines,
    ...(outcome.errorData !== undefined ? { errorData: outcome.errorData } : {}),
  });
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new HttpError(400, "BadRequest", `Invalid request body: ${result.error.message}`);
  return result.data;
}

export function createCloudHandler(deps: CloudDeps) {
  const caller = (request: IncomingMessage): Promise<Caller> =>
    callerFromHeader(request.headers.authorization, deps.verifier(), deps.adminKey);

  async function call(
    request: IncomingMessage,
    response: ServerResponse,
    kind: FunctionKind,
  ): Promise<void> {
    const body = parse(callBody, await readJson(request));
    const who = await caller(request);
    const outcome = await callFunction(deps.engine(), who, body.path, body.args?.[0] ?? {}, kind);
    if (!outcome.ok)
      deps.logger.log("info", "function.failed", { udfPath: body.path, error: outcome.message });
    respondOutcome(response, outcome);
  }

  async function anyFunction(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = parse(functionBody, await readJson(request));
    const who = await caller(request);
    const outcome = await callFunction(deps.engine(), who, body.path, body.args ?? {}, null, {
      componentPath: body.componentPath ?? "",
    });
    respondOutcome(response, outcome);
  }

  async function upload(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void> {
    if (!deps.tokens.checkUploadToken(url.searchParams.get("token") ?? "")) {
      throw new HttpError(
        401,
        "InvalidUploadToken",
        "The upload URL is invalid or expired; generate a new one.",
      );
    }
    const bytes = await readBody(request, MAX_UPLOAD_BYTES);
    const contentType = request.headers["content-type"] ?? null;
    const storageId = await deps.engine().storeFile(new Uint8Array(bytes), contentType);
    deps.logger.log("info", "storage.uploaded", { storageId, size: bytes.length });
    sendJson(response, 200, { storageId });
  }

  async function download(response: ServerResponse, storageId: string, url: URL): Promise<void> {
    const doc = deps.store.get(storageId);
    const signatureOk = deps.tokens.checkFileSignature(
      storageId,
      url.searchParams.get("sig") ?? "",
    );
    const bytes = doc !== null && signatureOk ? await deps.files.read(storageId) : null;
    if (bytes === null || doc === null) throw new HttpError(404, "FileNotFound", "File not found");
    const stored = typeof doc.contentType === "string" ? doc.contentType : "";
    response.writeHead(200, {
      ...CORS_HEADERS,
      ...safeFileHeaders(stored),
      "Content-Length": bytes.length,
      "Cache-Control": "private, max-age=2592000",
    });
    response.end(Buffer.from(bytes));
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    const method = request.method ?? "GET";
    if (method === "OPTIONS") {
      response.writeHead(204, CORS_HEADERS);
      response.end();
      return;
    }
    const path = url.pathname;
    if (method === "GET" && path === "/") {
      response.writeHead(200, { ...CORS_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
      response.end(
        "This Convex deployment (convex-offline) is running. See /version for details.\n",
      );
      return;
    }
    if (
      method === "GET" &&
      (path === "/version" || path === "/api/health" || path === "/instance_name")
    ) {
      sendJson(response, 200, deps.health());
      return;
    }
    if (method === "POST") {
      switch (path) {
        case "/api/query":
        case "/api/query_at_ts":
          return call(request, response, "query");
        case "/api/mutation":
          return call(request, response, "mutation");
        case "/api/action":
          return call(request, response, "action");
        case "/api/function":
          return anyFunction(request, response);
        case "/api/query_ts":
          sendJson(response, 200, { ts: encodeTs(deps.engine().ts) });
          return;
        case "/api/storage/upload":
          return upload(request, response, url);
        default:
          break;
      }
      const runMatch = /^\/api\/run\/(.+)$/.exec(path);
      if (runMatch !== null) {
        const body = parse(z.object({ args: json.optional() }), await readJson(request));
        const udfPath = decodeURIComponent(runMatch[1] ?? "").replace(/\/([^/]+)$/, ":$1");
        const outcome = await callFunction(
          deps.engine(),
          await caller(request),
          udfPath,
          body.args ?? {},
          null,
        );
        respondOutcome(response, outcome);
        return;
      }
    }
    const fileMatch = /^\/api\/storage\/([0-9A-Za-z_]+)$/.exec(path);
    if (method === "GET" && fileMatch !== null) return download(response, fileMatch[1] ?? "", url);
    throw new HttpError(404, "NotFound", `No route for ${method} ${path}`);
  }

  return (request: IncomingMessage, response: ServerResponse): void => {
    const started = performance.now();
    response.once("finish", () => {
      deps.logger.log("debug", "http.request", {
        method: request.method,
        path: (request.url ?? "/").split("?")[0],
        status: response.statusCode,
        ms: Math.round((performance.now() - started) * 100) / 100,
      });
    });
    route(request, response).catch((error: unknown) => {
      if (error instanceof HttpError) {
        sendError(response, error);
        return;
      }
      deps.logger.log("error", "http.internal_error", {
        path: request.url,
        error: errorMessage(error),
      });
      if (!response.headersSent)
        sendError(response, new HttpError(500, "InternalServerError", errorMessage(error)));
      else response.end();
    });
  };
}
