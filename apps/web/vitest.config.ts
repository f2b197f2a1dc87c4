import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = {
  "@/": fileURLToPath(new URL("./src/", import.meta.url)),
  "@convex/": fileURLToPath(new URL("../../convex/", import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // The React 17+ transform, as Next compiles the components: unit tests render some of them.
        esbuild: { jsx: "automatic" },
        test: { name: "unit", include: ["src/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.ts"],
          environment: "node",
          // One real backend per run; it owns process.env, so a fork of its own.
          pool: "forks",
          testTimeout: 120_000,
          // beforeAll runs `next build`: 2–4 minutes on a quiet 2-core machine, over 5 when it is
          // shared with other builds.
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
