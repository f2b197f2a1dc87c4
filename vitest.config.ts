import { defineConfig } from "vitest/config";

// The top-level convex/ folder is tested from the root with convex-test in the edge runtime.
// Each app and package runs its own vitest from its folder.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "convex",
          environment: "edge-runtime",
          include: ["convex/**/*.test.ts"],
          server: { deps: { inline: ["convex-test"] } },
        },
      },
    ],
  },
});
