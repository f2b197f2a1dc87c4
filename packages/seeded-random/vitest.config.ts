import { defineConfig } from "vitest/config";

// Own config so vitest does not pick up the root one (which only runs the Convex project).
export default defineConfig({
  test: { include: ["test/**/*.test.ts"] },
});
