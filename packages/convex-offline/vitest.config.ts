import { defineConfig } from "vitest/config";

// Real servers and real clients: each test file runs in its own process (process.env is
// per backend), with generous timeouts for reconnect backoff.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});
