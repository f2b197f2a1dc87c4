// The audit log as a test reads it (not a Convex module: two dots keep it out of the API).
import type { TestConvex as ConvexTest } from "convex-test";
import type schema from "./schema";

type TestConvex = ConvexTest<typeof schema>;

/** Every audit row with this action. */
export async function auditByAction(t: TestConvex, action: string) {
  return t.run((ctx) =>
    ctx.db
      .query("auditLog")
      .withIndex("by_action", (q) => q.eq("action", action))
      .collect(),
  );
}
