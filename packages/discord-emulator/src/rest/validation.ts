// zod → Discord's 50035 "Invalid Form Body" with nested errors.
import type { z } from "zod";
import { Errors, formErrors } from "../errors.js";

function discordCode(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_big":
      return issue.origin === "string" ? "BASE_TYPE_MAX_LENGTH" : "BASE_TYPE_BAD_LENGTH";
    case "too_small":
      return issue.origin === "string" ? "BASE_TYPE_MIN_LENGTH" : "BASE_TYPE_BAD_LENGTH";
    case "invalid_type":
      return issue.input === undefined ? "BASE_TYPE_REQUIRED" : "BASE_TYPE_BAD_TYPE";
    default:
      return "BASE_TYPE_INVALID";
  }
}

export function parseForm<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw Errors.invalidForm(
    formErrors(
      result.error.issues.map((issue) => ({
        path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
        code: discordCode(issue),
        message: issue.message,
      })),
    ),
  );
}
