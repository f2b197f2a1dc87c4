// Calling a function on behalf of a client: visibility, kind checks, argument decoding and
// error shaping shared by the sync and HTTP APIs.
import { type JSONValue, type Value, convexToJson, jsonToConvex } from "convex/values";
import { type ReadSet } from "../storage/readSet.js";
import { type Engine, type Identity } from "./engine.js";
import { type FunctionKind, type ResolvedFunction, FunctionNotFoundError } from "./functions.js";
import { withLogCapture } from "./functionLogs.js";

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
      readonly message: string;
      readonly errorData?: JSONValue;
      readonly logLines: string[];
    };

export function describeFailure(error: unknown): { message: string; errorData?: JSONValue } {
  if (typeof error === "object" && error !== null && Symbol.for("ConvexError") in error) {
    const data = (error as { data?: unknown }).data;
    const message = error instanceof Error ? error.message : "ConvexError";
    try {
      return { message, errorData: convexToJson(data as Value) };
    } catch {
      return { message };
    }
  }
  if (error instanceof Error) return { message: error.message };
  return { message: String(error) };
}

function decodeArgs(args: JSONValue): Record<string, Value> {
  const value = jsonToConvex(args);
  if (
    value === null ||
    typeof value !== "object" ||
    Array.isArray(value) ||
    value instanceof ArrayBuffer
  ) {
    throw new Error("The arguments to a Convex function must be an object.");
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
  return new Error(
    anyKind
      ? `Could not find function for '${udfPath}'. Did you forget to run \`npx convex dev\`?`
      : `Could not find public function for '${udfPath}'.`,
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
  readSet?: ReadSet,
  componentPath = "",
): Promise<CallOutcome> {
  const captured = await withLogCapture(() =>
    invoke(engine, caller, path, jsonArgs, expected, readSet, componentPath),
  );
  return { ...captured.value, logLines: captured.logLines };
}

type Outcome =
  | { ok: true; value: JSONValue; kind: FunctionKind }
  | { ok: false; message: string; errorData?: JSONValue };

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
      return {
        ok: false,
        message: `Trying to execute ${resolved.udfPath} as ${KIND_NAMES[expected]}, but it is defined as ${KIND_NAMES[resolved.kind]}.`,
      };
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
    return { ok: false, ...describeFailure(error) };
  }
}
