import { readAppError } from "./app-error";

/**
 * Failures we do not raise ourselves, recognisable only by their text: Convex Auth's own names
 * (from sessions started before our password provider worded every failure) and the browser's
 * fetch errors. This is the one place in the web app that reads an error's message; everything
 * of ours is read by its code (lib/app-error.ts).
 */
const FOREIGN_FAILURES: ReadonlyArray<{ texts: readonly string[]; advice: string }> = [
  { texts: ["InvalidSecret", "InvalidAccountId"], advice: "Wrong email or password." },
  {
    texts: ["Could not verify code", "Invalid code"],
    advice: "That code is wrong or has expired. Check the newest email, or ask for a new code.",
  },
  {
    texts: ["Failed to fetch", "NetworkError"],
    advice: "Can't reach the server. Check your connection and try again.",
  },
];

/**
 * Turns an auth failure into advice. The backend words its own failures (the same for every
 * address, see docs/security.md "Authentication controls"), so any error of ours is shown as the
 * backend wrote it.
 */
export function authErrorMessage(error: unknown): string {
  const ours = readAppError(error);
  if (ours !== null) return ours.message;
  const raw = error instanceof Error ? error.message : String(error);
  const foreign = FOREIGN_FAILURES.find(({ texts }) => texts.some((text) => raw.includes(text)));
  return foreign?.advice ?? "Something went wrong. Try again in a moment.";
}

/** The form of an email address the backend accepts (codes are bound to it exactly). */
export function canonicalEmail(input: string): string {
  return input.trim().toLowerCase();
}
