import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 15_000,
    hookTimeout: 15_000,
    // Files start their own emulators on free ports, so they can run in parallel.
    fileParallelism: true,
  },
});
