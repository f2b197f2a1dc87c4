/// <reference types="vite/client" />
import rateLimiter from "@convex-dev/rate-limiter/test";
import { convexTest } from "convex-test";
import schema from "./schema";

// The explicit module map convex-test needs for a top-level convex/ folder.
export const modules = import.meta.glob("./**/!(*.*.*)*.*s");

/**
 * A fresh convex-test backend of this app: its schema, its modules and the components
 * convex.config.ts installs. Every test starts from here, so a component added to the app is
 * registered in one place instead of in each test.
 */
export function newConvexTest() {
  const t = convexTest(schema, modules);
  rateLimiter.register(t);
  return t;
}

export type TestConvex = ReturnType<typeof newConvexTest>;
