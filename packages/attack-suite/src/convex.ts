// The real Convex clients, as an outsider holds them: anonymous or with a session JWT. The admin
// key client (seeding through internal functions) comes from @g3/convex-offline.
import { adminClient, type AdminClient } from "@g3/convex-offline";
import { ConvexHttpClient } from "convex/browser";
import type { SuiteStack } from "./context.js";

export { api, internal } from "../../../convex/_generated/api.js";
export type { Id } from "../../../convex/_generated/dataModel.js";

export function httpClient(stack: SuiteStack, token: string | null = null): ConvexHttpClient {
  const client = new ConvexHttpClient(stack.backendUrl, { logger: false });
  if (token !== null) client.setAuth(token);
  return client;
}

export function admin(stack: SuiteStack): AdminClient {
  return adminClient(stack.backendUrl, stack.adminKey);
}

/**
 * An error's message without what differs between two identical failures (request ids, stack
 * lines), so two answers can be compared for equality.
 */
export function comparableError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const data =
    error instanceof Error && "data" in error
      ? JSON.stringify((error as { data: unknown }).data)
      : "";
  return `${message
    .replace(/\[Request ID: [^\]]*\]/g, "")
    .replace(/^\s*at .*$/gm, "")
    .replace(/\s+/g, " ")
    .trim()} ${data}`.trim();
}

/** Runs a call and reports what came back — a value or an error — without throwing. */
export async function outcome<T>(
  call: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error: comparableError(error) };
  }
}
