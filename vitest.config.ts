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
          // Every test ends with stubbed env vars and fake timers undone (the fixtures set both).
          setupFiles: ["convex/test.cleanup.ts"],
          // Convex Auth hashes passwords with scrypt on purpose: a test that signs in a dozen
          // times needs more than vitest's 5 s default on a busy 2-core machine.
          testTimeout: 30_000,
          server: { deps: { inline: ["convex-test"] } },
        },
      },
    ],
  },
});
