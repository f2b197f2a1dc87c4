import { expect, test } from "vitest";
import { authErrorMessage, canonicalEmail } from "./auth-errors";
import { safeNextPath } from "./safe-next";

test("maps Convex Auth failures to advice", () => {
  expect(authErrorMessage(new Error("Uncaught Error: InvalidSecret"))).toBe(
    "Wrong email or password.",
  );
  expect(authErrorMessage(new Error("TooManyFailedAttempts"))).toMatch(/Too many failed attempts/);
  expect(authErrorMessage(new Error("Could not verify code"))).toMatch(/code is wrong/);
  expect(
    authErrorMessage(
      new Error(
        'ConvexError: {"code":"WEAK_PASSWORD","message":"Use at least 10 characters for your password."}',
      ),
    ),
  ).toBe("Use at least 10 characters for your password.");
  expect(authErrorMessage("weird")).toMatch(/Something went wrong/);
});

test("canonical emails and safe redirects", () => {
  expect(canonicalEmail("  Ann@Example.COM ")).toBe("ann@example.com");
  expect(safeNextPath("/admin")).toBe("/admin");
  expect(safeNextPath("//evil.example.com")).toBe("/feed");
  expect(safeNextPath("https://evil.example.com")).toBe("/feed");
  expect(safeNextPath(null)).toBe("/feed");
});
