// Errors the backend raises around a function call (its arguments, its return value, its kind,
// an OCC failure) as opposed to errors the function's own code throws. Convex reports the first
// kind with its bare text ("ArgumentValidationError: …") and the second as "Uncaught Error: …":
// only an exception that escaped the function's JavaScript is "uncaught". A system error raised
// for a nested call (`ctx.runQuery` in an action) and not caught there escapes the caller's code,
// so it is uncaught one level up; the depth it was raised at tells the two apart.

const RAISED_AT_DEPTH = Symbol.for("convex-offline.systemErrorDepth");

/** A backend error for a call made at `depth` (0: a client's call; n: a call from depth n). */
export function systemError(message: string, depth: number): Error {
  const error = new Error(message);
  Object.defineProperty(error, RAISED_AT_DEPTH, { value: depth });
  return error;
}

/** True for a backend error about the client's own call (not thrown by any function's code). */
export function isClientCallSystemError(error: unknown): boolean {
  return (
    error instanceof Error && (error as unknown as Record<symbol, unknown>)[RAISED_AT_DEPTH] === 0
  );
}
