// Calling a function on behalf of a client: visibility, kind checks, argument decoding and
// error shaping shared by the sync and HTTP APIs.
import { type JSONValue, type Value, convexToJson, jsonToConvex } from "convex/values";
import { type ReadSet } from "../storage/readSet.js";
import { type Engine, type Identity } from "./engine.js";
import { newRequestId, reportFailure } from "./errorReport.js";
import { type FunctionKind, type ResolvedFunction, FunctionNotFoundError } from "./functions.js";
import { withLogCapture } from "./functionLogs.js";
import { systemError } from "./systemErrors.js";

export type Caller = { readonly identity: Identity | null; readonly isAdmin: boolean };
export const ANONYMOUS: Caller = { identity: null, isAdmin: false };

export type CallOutcome =
  | {
      readonly ok: true;
      readonly value: JSONValue;
      readonly kind: FunctionKind;
      readonly logLines: string[];
    }
  | {
      readonly ok: false;
      /** Convex's text: `[Request ID: …] Server Error` and, unless redacted, the error. */
      readonly message: string;
      readonly errorData?: JSONValue;
      /** The failure without its request ID: equal for equal errors (a re-run that failed alike). */
      readonly sameErrorKey: string;
      readonly logLines: string[];
    };

export type CallOptions = {
  /** Records what a query read (subscriptions). */
  readonly readSet?: ReadSet;
  /** A component's function (admin calls only). */
  readonly componentPath?: string;
  /** The request ID to report a failure under (default: a fresh random one). */
  readonly requestId?: string;
};

function decodeArgs(args: JSONValue): Record<string, Value> {
  const value = jsonToConvex(args);
  if (
    value === null ||
    typeof value !== "object" ||
    Array.isArray(value) ||
    value instanceof ArrayBuffer
  ) {
    throw systemError("The arguments to a Convex function must be an object.", 0);
  }
  return value as Record<string, Value>;
}

const KIND_NAMES: Record<FunctionKind, string> = {
  query: "Query",
  mutation: "Mutation",
  action: "Action",
};

/**
 * Convex's texts (udf/src/validation.rs, application/src/lib.rs): a client calling a missing or
 * internal function gets the same answer, so internal functions stay unknown to it; the
 * any-kind endpoints (`/api/function`, `/api/run`, i.e. `npx convex run`) word it their way.
 */
function notFound(udfPath: string, anyKind: boolean): Error {
  return systemError(
    anyKind
      ? `Could not find function for '${udfPath}'. Did you forget to run \`npx convex dev\`?`
      : `Could not find public function for '${udfPath}'.`,
    0,
  );
}

async function resolveVisible(
  engine: Engine,
  caller: Caller,
  path: string,
  anyKind: boolean,
  componentPath: string,
): Promise<ResolvedFunction> {
  // A component's functions are reachable from outside only with the admin key
  // (`npx convex run --component`); for anyone else they do not exist.
  if (componentPath !== "" && !caller.isAdmin) throw notFound(path, anyKind);
  let resolved: ResolvedFunction;
  try {
    resolved = await engine.resolve(path, componentPath);
  } catch (error) {
    if (error instanceof FunctionNotFoundError) throw notFound(error.udfPath, anyKind);
    throw error;
  }
  if (!resolved.isPublic && !caller.isAdmin) throw notFound(resolved.udfPath, anyKind);
  return resolved;
}

export async function callFunction(
  engine: Engine,
  caller: Caller,
  path: string,
  jsonArgs: JSONValue,
  expected: FunctionKind | null,
  options: CallOptions = {},
): Promise<CallOutcome> {
  const captured = await withLogCapture(() =>
    invoke(engine, caller, path, jsonArgs, expected, options.readSet, options.componentPath ?? ""),
  );
  const outcome = captured.value;
  // Redaction hides the function's log lines from clients too (RedactedLogLines), success or not.
  const logLines = engine.redactErrors ? [] : captured.logLines;
  if (outcome.ok) return { ...outcome, logLines };
  const context = {
    requestId: options.requestId ?? newRequestId(),
    redact: engine.redactErrors,
    functionsDir: engine.functionsDir,
  };
  const report = reportFailure(outcome.error, context);
  const sameErrorKey = JSON.stringify([
    reportFailure(outcome.error, { ...context, requestId: "" }).message,
    report.errorData ?? null,
  ]);
  return {
    ok: false,
    ...report,
    sameErrorKey,
    logLines,
  };
}

type Outcome = { ok: true; value: JSONValue; kind: FunctionKind } | { ok: false; error: unknown };

async function invoke(
  engine: Engine,
  caller: Caller,
  path: string,
  jsonArgs: JSONValue,
  expected: FunctionKind | null,
  readSet: ReadSet | undefined,
  componentPath: string,
): Promise<Outcome> {
  try {
    const resolved = await resolveVisible(engine, caller, path, expected === null, componentPath);
    if (expected !== null && resolved.kind !== expected) {
      throw systemError(
        `Trying to execute ${resolved.udfPath} as ${KIND_NAMES[expected]}, but it is defined as ${KIND_NAMES[resolved.kind]}.`,
        0,
      );
    }
    const args = decodeArgs(jsonArgs);
    let value: Value;
    switch (resolved.kind) {
      case "query":
        value = await engine.runQuery(
          resolved.udfPath,
          args,
          caller.identity,
          readSet,
          componentPath,
        );
        break;
      case "mutation":
        value = await engine.runMutation(resolved.udfPath, args, caller.identity, componentPath);
        break;
      case "action":
        value = await engine.runAction(resolved.udfPath, args, caller.identity, componentPath);
        break;
    }
    return { ok: true, value: convexToJson(value), kind: resolved.kind };
  } catch (error) {
    return { ok: false, error };
  }
}
