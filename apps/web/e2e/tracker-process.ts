// The tracker as its own process (`node --import tsx apps/tracker/src/index.ts`, as
// scripts/local.sh runs it), pointed at this run's backend and market emulator. Its log goes to
// screenshots/tracker.log for diagnosing a failed run.
import { spawn, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import { join } from "node:path";
import { waitFor } from "@g3/dev-stack/poll";
import { WEB_DIR, freePort } from "./stack";

const ROOT = join(WEB_DIR, "..", "..");

export type TrackerProcess = { stop: () => Promise<void> };

export async function startTrackerProcess(options: {
  convexUrl: string;
  serviceSecret: string;
  marketUrl: string;
  marketWsUrl: string;
}): Promise<TrackerProcess> {
  const healthPort = await freePort();
  const log = openSync(join(WEB_DIR, "screenshots", "tracker.log"), "w");
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "apps", "tracker", "src", "index.ts")],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        CONVEX_URL: options.convexUrl,
        CONVEX_SERVICE_SECRET: options.serviceSecret,
        MARKET_WS_URL: options.marketWsUrl,
        MARKET_REST_URL: options.marketUrl,
        TRACKER_INSTANCE_ID: "e2e-tracker",
        TRACKER_HEALTH_PORT: String(healthPort),
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", log, log],
    },
  );
  const exited = new Promise<void>((resolveExit) => child.once("exit", () => resolveExit()));
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`tracker exited with ${child.exitCode}`);
      try {
        const response = await fetch(`http://127.0.0.1:${healthPort}/health`);
        return response.status === 200;
      } catch {
        return false; // not listening yet
      }
    },
    60_000,
    "the tracker to report healthy (screenshots/tracker.log)",
  );
  return {
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
