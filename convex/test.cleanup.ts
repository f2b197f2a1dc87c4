// Runs around every convex/ suite (vitest.config.ts `setupFiles`; not a Convex module: two dots
// keep it out of the API). The fixtures stub env vars and fake the clock (test.authEnv.ts,
// test.sellapp.ts, test.mirror.ts, …): every test ends with both undone, so no test inherits
// another's settings and no suite has to remember to clean up after a fixture.
import { afterEach, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});
