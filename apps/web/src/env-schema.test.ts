import { expect, test } from "vitest";
import { parseEnv } from "./env-schema";

test("names a missing or bad variable", () => {
  expect(() => parseEnv({})).toThrow(/NEXT_PUBLIC_CONVEX_URL is missing/);
  expect(() => parseEnv({ NEXT_PUBLIC_CONVEX_URL: "not a url" })).toThrow(
    /NEXT_PUBLIC_CONVEX_URL is invalid/,
  );
  expect(() =>
    parseEnv({ NEXT_PUBLIC_CONVEX_URL: "http://127.0.0.1:3210", EMAIL_PROVIDER: "smtp" }),
  ).toThrow(/EMAIL_PROVIDER is invalid/);
});

test("accepts a valid environment; the email provider has no default", () => {
  expect(
    parseEnv({ NEXT_PUBLIC_CONVEX_URL: "http://127.0.0.1:3210", EMAIL_PROVIDER: "resend" }),
  ).toEqual({ NEXT_PUBLIC_CONVEX_URL: "http://127.0.0.1:3210", EMAIL_PROVIDER: "resend" });
  expect(() => parseEnv({ NEXT_PUBLIC_CONVEX_URL: "http://127.0.0.1:3210" })).toThrow(
    /EMAIL_PROVIDER is missing/,
  );
});
