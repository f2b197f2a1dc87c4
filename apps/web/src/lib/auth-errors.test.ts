import { expect, test } from "vitest";
import { authErrorMessage, canonicalEmail } from "./auth-errors";
import { safeNextPath } from "./safe-next";

/** An error as the /api/auth proxy hands it to the browser: the ConvexError's data as JSON. */
const convexError = (code: string, message: string) =>
  new Error(
    `[Request ID: 1] Server Error\nUncaught ConvexError: ${JSON.stringify({ code, message })}`,
  );

test("shows the backend's own words for every auth failure", () => {
  expect(authErrorMessage(convexError("INVALID_CREDENTIALS", "Wrong email or password."))).toBe(
    "Wrong email or password.",
  );
  expect(
    authErrorMessage(
      convexError(
        "EMAIL_RATE_LIMITED",
        "We have already emailed this address several times. Use the code in the newest email, or ask again in 12 minutes.",
      ),
    ),
  ).toMatch(/Use the code in the newest email, or ask again in 12 minutes\./);
  expect(
    authErrorMessage(
      convexError(
        "TOO_MANY_CODE_ATTEMPTS",
        "Too many wrong codes for this email. Try again in 6 minutes.",
      ),
    ),
  ).toBe("Too many wrong codes for this email. Try again in 6 minutes.");
});

test("zxcvbn's advice arrives whole, quotes and all", () => {
  const advice =
    'This password is too easy to guess. Repeated characters like "aaa" are easy to guess. Add more words that are less common.';
  expect(authErrorMessage(convexError("WEAK_PASSWORD", advice))).toBe(advice);
});

test("older raw Convex Auth failures and transport errors still read as advice", () => {
  expect(authErrorMessage(new Error("Uncaught Error: InvalidSecret"))).toBe(
    "Wrong email or password.",
  );
  expect(authErrorMessage(new Error("Could not verify code"))).toMatch(/code is wrong/);
  expect(authErrorMessage(new TypeError("Failed to fetch"))).toMatch(/Can't reach the server/);
  expect(authErrorMessage("weird")).toMatch(/Something went wrong/);
  expect(authErrorMessage(new Error("oops {not json}"))).toMatch(/Something went wrong/);
});

test("canonical emails and safe redirects", () => {
  expect(canonicalEmail("  Ann@Example.COM ")).toBe("ann@example.com");
  expect(safeNextPath("/admin")).toBe("/admin");
  expect(safeNextPath("//evil.example.com")).toBe("/feed");
  expect(safeNextPath("https://evil.example.com")).toBe("/feed");
  expect(safeNextPath(null)).toBe("/feed");
});
