import { defineConfig } from "vitest/config";

// unit: the market adapter against @g3/market-emulator over real sockets, and pure helpers.
// integration: the tracker with the real ConvexClient against @g3/convex-offline running
// ../../convex and the market emulator.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 30_000 } },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
