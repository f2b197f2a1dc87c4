import { ConvexError } from "convex/values";
import type { AppErrorData, ErrorCode } from "./errorCodes";

// The vocabulary and its readers live in errorCodes.ts (no run-time import of the convex package);
// this module adds the one thing that needs ConvexError: raising an error.
export {
  ERROR_CODES,
  appErrorData,
  isAppError,
  isErrorCode,
  type AppErrorData,
  type ErrorCode,
} from "./errorCodes";

/** The error to throw: `throw appError("NOT_FOUND", "No such tier.")`. */
export function appError(code: ErrorCode, message: string): ConvexError<AppErrorData> {
  return new ConvexError({ code, message });
}
