import { defineConfig } from "vitest/config";

// One test, one stack: a production build (reused when current, else ~2–4 min on 2 cores), the
// offline backend, and two Lighthouse runs in a row.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
