import type { ConvexClientOptions } from "convex/browser";
import type { Logger } from "./logger.js";

type ConvexLogger = Exclude<NonNullable<ConvexClientOptions["logger"]>, boolean>;

/** Routes the Convex client's own messages (reconnects, function errors) into our JSON logs. */
export function convexClientLogger(logger: Logger): ConvexLogger {
  const line = (args: unknown[]) => args.map(describe).join(" ");
  return {
    logVerbose: (...args: unknown[]) => logger.debug({ event: "convex.client" }, line(args)),
    log: (...args: unknown[]) => logger.info({ event: "convex.client" }, line(args)),
    warn: (...args: unknown[]) => logger.warn({ event: "convex.client" }, line(args)),
    error: (...args: unknown[]) => logger.error({ event: "convex.client" }, line(args)),
  };
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
