// A failed call as Convex reports it to clients (application/src/redaction.rs, common/src/errors.rs,
// isolate/src/helpers.rs). The text a client receives — `result` of a failed MutationResponse or
// ActionResponse, `errorMessage` of QueryFailed and of the HTTP API's 560 answer — is
//
//   [Request ID: <16 hex>] Server Error
//   Uncaught Error: <message>
//       at handler (../convex/messages.ts:12:11)
//
// (every line after the message ends with a newline). The clients add `[CONVEX M(module:fn)] `
// in front and `\n  Called by client` after it themselves. With redaction on (Convex's production
// deployments; self-hosted `REDACT_LOGS_TO_CLIENT`) only the first line is sent; a ConvexError's
// data travels in `errorData` either way.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { dirname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type JSONValue, type Value, convexToJson } from "convex/values";
import { isClientCallSystemError } from "./systemErrors.js";

export type FailureReport = { readonly message: string; readonly errorData?: JSONValue };

export type ReportContext = {
  readonly requestId: string;
  /** Send only `[Request ID: …] Server Error` (ConvexError data still travels). */
  readonly redact: boolean;
  /** The app's functions directory: stack frames in its files are reported. */
  readonly functionsDir: string;
};

/** A random request ID, as Convex makes one per HTTP request and per query run: 8 bytes, hex. */
export function newRequestId(): string {
  return randomBytes(8).toString("hex");
}

/**
 * The request ID of a mutation or action sent over a socket: Convex derives it from the client's
 * session and request number (`RequestId::new_for_ws_session`), so a retried request keeps it.
 */
export function socketRequestId(sessionId: string, requestId: number): string {
  return createHash("sha256").update(`${sessionId}|${requestId}`).digest("hex").slice(0, 16);
}

/** `Uncaught <name>: <message>` with its empty-part variants (`format_uncaught_error`). */
function uncaughtLine(thrown: unknown): string {
  if (thrown instanceof Error) {
    const name = thrown.name === undefined ? "Error" : String(thrown.name);
    const message = thrown.message === undefined ? "" : String(thrown.message);
    if (name !== "" && message !== "") return `Uncaught ${name}: ${message}`;
    if (name !== "") return `Uncaught ${name}`;
    if (message !== "") return `Uncaught ${message}`;
    return "Uncaught";
  }
  // Not an Error: V8's own message for the exception ("Uncaught boom", "Uncaught #<Object>").
  if (typeof thrown === "object" && thrown !== null) {
    const constructorName = (thrown as { constructor?: { name?: unknown } }).constructor?.name;
    return `Uncaught #<${typeof constructorName === "string" ? constructorName : "Object"}>`;
  }
  return `Uncaught ${String(thrown)}`;
}

const FRAME = /^\s*at (?:(async )?(.+?) \((.+):(\d+):(\d+)\)|(async )?(.+):(\d+):(\d+))$/;

function localPath(file: string): string {
  const withoutQuery = file.replace(/\?.*$/, "");
  return withoutQuery.startsWith("file://") ? fileURLToPath(withoutQuery) : withoutQuery;
}

/** Source maps of bundle files, by path (a reload's new build has new paths; bounded anyway). */
const sourceMaps = new Map<string, SourceMap | null>();

function sourceMapOf(file: string): SourceMap | null {
  let map = sourceMaps.get(file);
  if (map === undefined) {
    const mapFile = `${file}.map`;
    try {
      map = existsSync(mapFile)
        ? new SourceMap(JSON.parse(readFileSync(mapFile, "utf8")) as never)
        : null;
    } catch {
      map = null;
    }
    if (sourceMaps.size >= 1000) sourceMaps.clear();
    sourceMaps.set(file, map);
  }
  return map;
}

/**
 * A position in a bundle as a position in its source (Node maps stacks itself only where source
 * maps are enabled and nothing else formats stacks; test runners do).
 */
function originalPosition(
  file: string,
  line: number,
  column: number,
): { file: string; line: number; column: number } {
  const map = sourceMapOf(file);
  if (map === null) return { file, line, column };
  const entry = map.findEntry(line - 1, column - 1) as {
    originalSource?: string;
    originalLine?: number;
    originalColumn?: number;
  };
  if (entry.originalSource === undefined || entry.originalLine === undefined) {
    return { file, line, column };
  }
  const source = entry.originalSource.startsWith("file://")
    ? fileURLToPath(entry.originalSource)
    : resolve(dirname(file), entry.originalSource);
  return { file: source, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
}

/**
 * The frames of the stack that lie in the app's own source files, as Convex prints them: paths
 * relative to the project (`../convex/messages.ts`, the source map's view from the CLI's bundle
 * directory), `async ` for awaited frames. Frames in libraries and in this backend are left out.
 */
function appFrames(thrown: unknown, functionsDir: string): string[] {
  if (!(thrown instanceof Error) || typeof thrown.stack !== "string") return [];
  const projectDir = dirname(functionsDir);
  const generatedDir = `${functionsDir}${sep}_generated${sep}`;
  const frames: string[] = [];
  for (const line of thrown.stack.split("\n")) {
    const match = FRAME.exec(line);
    if (match === null) continue;
    const isAsync = (match[1] ?? match[6]) !== undefined;
    const functionName = match[2];
    const {
      file,
      line: lineNumber,
      column,
    } = originalPosition(
      localPath(match[3] ?? match[7] ?? ""),
      Number(match[4] ?? match[8]),
      Number(match[5] ?? match[9]),
    );
    if (!file.startsWith(`${functionsDir}${sep}`) || file.startsWith(generatedDir)) continue;
    if (file.includes(`${sep}node_modules${sep}`)) continue;
    const location = `../${relative(projectDir, file).split(sep).join("/")}:${lineNumber}:${column}`;
    frames.push(
      functionName === undefined
        ? `    at ${location}`
        : `    at ${isAsync ? "async " : ""}${functionName} (${location})`,
    );
  }
  return frames;
}

/** The error's first line: the backend's own text, or `Uncaught …` for what code threw. */
function jsErrorMessage(thrown: unknown): string {
  return isClientCallSystemError(thrown) ? (thrown as Error).message : uncaughtLine(thrown);
}

/** The error's text before the request ID (Convex's `JsError` display): message, then frames. */
export function jsErrorText(thrown: unknown, functionsDir: string): string {
  const frames = isClientCallSystemError(thrown) ? [] : appFrames(thrown, functionsDir);
  return [jsErrorMessage(thrown), ...frames].map((line) => `${line}\n`).join("");
}

function convexErrorData(thrown: unknown): JSONValue | undefined {
  if (typeof thrown !== "object" || thrown === null || !(Symbol.for("ConvexError") in thrown)) {
    return undefined;
  }
  try {
    return convexToJson((thrown as { data?: unknown }).data as Value);
  } catch {
    return undefined;
  }
}

/** What a client receives for a failed call. */
export function reportFailure(thrown: unknown, context: ReportContext): FailureReport {
  const header = `[Request ID: ${context.requestId}] Server Error`;
  const message = context.redact
    ? header
    : `${header}\n${jsErrorText(thrown, context.functionsDir)}`;
  const errorData = convexErrorData(thrown);
  return errorData === undefined ? { message } : { message, errorData };
}

/**
 * The 500 answer of an HTTP action that threw (`to_http_response_parts`): `code` holds the request
 * ID and the message, `trace` the message with its frames (both only the header when redacted),
 * `data` a ConvexError's data.
 */
export function httpActionFailureBody(
  thrown: unknown,
  context: ReportContext,
): Record<string, JSONValue> {
  const header = `[Request ID: ${context.requestId}] Server Error`;
  const body: Record<string, JSONValue> = context.redact
    ? { code: header }
    : {
        code: `${header}: ${jsErrorMessage(thrown)}`,
        trace: jsErrorText(thrown, context.functionsDir),
      };
  const errorData = convexErrorData(thrown);
  if (errorData !== undefined) body.data = errorData;
  return body;
}
