// Convex's size limits at a function call's boundary (udf/src/helpers.rs validate_args_size,
// isolate/src/helpers.rs deserialize_udf_result; FUNCTION_MAX_ARGS_SIZE and
// FUNCTION_MAX_RESULT_SIZE in knobs.rs): 16 MiB of arguments and 16 MiB of return value, by
// Convex's value size measure. Checked for every call, nested `ctx.run*` calls included.
import { type Value, getConvexSize } from "convex/values";
import { binarySize } from "../storage/valueLimits.js";
import { systemError } from "./systemErrors.js";

export const MAX_ARGS_SIZE = 1 << 24;
export const MAX_RESULT_SIZE = 1 << 24;

/** Convex prints a canonical path with its module's extension: `messages.js:send`. */
function canonicalDisplay(udfPath: string): string {
  const [modulePath = "", exportName = "default"] = udfPath.split(":");
  return `${modulePath.endsWith(".js") ? modulePath : `${modulePath}.js`}:${exportName}`;
}

/** Throws Convex's error when a call's arguments exceed the limit. */
export function checkArgsSize(udfPath: string, args: Record<string, Value>, depth: number): void {
  // Convex measures the argument array the function receives (`[args]`).
  const size = getConvexSize([args]);
  if (size > MAX_ARGS_SIZE) {
    throw systemError(
      `Arguments for ${canonicalDisplay(udfPath)} are too large (actual: ${binarySize(size)}, limit: ${binarySize(MAX_ARGS_SIZE)})`,
      depth,
    );
  }
}

/** Throws Convex's error when a function's return value exceeds the limit. */
export function checkResultSize(udfPath: string, result: Value, depth: number): void {
  const size = getConvexSize(result);
  if (size > MAX_RESULT_SIZE) {
    throw systemError(
      `Function ${canonicalDisplay(udfPath)} return value is too large (actual: ${binarySize(size)}, limit: ${binarySize(MAX_RESULT_SIZE)})`,
      depth,
    );
  }
}
