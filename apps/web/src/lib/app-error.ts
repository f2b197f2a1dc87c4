// From errorCodes, not errors: the root error page reads codes on every page, and errors.ts imports
// the convex package (ConvexError) for raising them, which would load its chunk on public pages.
import { appErrorData, isAppError, type AppErrorData } from "@convex/model/shared/errorCodes";

/**
 * Our backend's error (`{ code, message }`, see convex/README.md "Errors") out of whatever a call
 * threw: a ConvexError from the Convex clients, or the text the /api/auth proxy hands the browser
 * for a sign-in action (`… ConvexError: {"code":"WEAK_PASSWORD","message":"…"}`), where the data
 * survives only as JSON inside the message. Callers switch on `code`, never on the text.
 */
export function readAppError(error: unknown): AppErrorData | null {
  if (isAppError(error)) return appErrorData(error.data);
  const raw = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const start = raw.indexOf("{");
  const end = raw.lastIndexOf("}");
  if (start === -1 || end <= start) return null;
  try {
    return appErrorData(JSON.parse(raw.slice(start, end + 1)));
  } catch {
    return null;
  }
}
