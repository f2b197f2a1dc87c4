import { defineConfig } from "vitest/config";

// unit: pure modules (render, drift, errors, scheduler). integration: the real discord.js against
// @g3/discord-emulator and the real Convex client against @g3/convex-offline running ../../convex.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
