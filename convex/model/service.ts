import { constantTimeEqual } from "./constantTime";
import { requireEnv } from "./env";
import { appError } from "./errors";

/**
 * The bots call public functions that check a shared secret (CONVEX_SERVICE_SECRET) inside the
 * function, the trusted-backend pattern: the functions are reachable by anyone, usable by no one else.
 */
export function requireService(secret: string): void {
  if (!constantTimeEqual(secret, requireEnv("CONVEX_SERVICE_SECRET"))) {
    throw appError("FORBIDDEN", "Invalid service secret");
  }
}
