import { defineConfig } from "vitest/config";

// One backend and one production web server for the whole run (src/global-setup.ts); each test
// file brings its own accounts. Two files at a time: the machine has two cores, and scrypt
// (password hashing) and Chromium are what the attacks spend them on.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["src/global-setup.ts"],
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
