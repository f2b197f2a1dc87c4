// `next start` of the production build in apps/web (ensureWebBuild makes it), for the harnesses
// that drive the web app as customers get it: the attack suite and the Lighthouse audit.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { waitFor } from "./poll.js";

export type RunningWeb = { url: string; close: () => Promise<void> };

/**
 * Starts `next start` on 127.0.0.1:`port` against `backendUrl`, logging to `logFile`, and waits
 * until it answers (below 500). The dev mailbox is on (EMAIL_PROVIDER=dev), as on the local stack.
 * Throws if it exits or does not answer within a minute; `close` stops it with SIGTERM.
 */
export async function startWebProduction(
  root: string,
  options: { backendUrl: string; port: number; logFile: string },
): Promise<RunningWeb> {
  const webDir = join(root, "apps", "web");
  const log = createWriteStream(options.logFile);
  const child = spawn(
    process.execPath,
    [
      join(webDir, "node_modules", "next", "dist", "bin", "next"),
      "start",
      "--port",
      String(options.port),
      "--hostname",
      "127.0.0.1",
    ],
    {
      cwd: webDir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_PUBLIC_CONVEX_URL: options.backendUrl,
        EMAIL_PROVIDER: "dev",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  // "localhost", not 127.0.0.1: Next names loopback hosts "localhost" in the redirects it builds.
  const url = `http://localhost:${options.port}`;
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolveExit) => child.once("exit", resolveExit));
      child.kill("SIGTERM");
      await exited;
    }
    log.end();
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
        try {
          return (await fetch(url, { redirect: "manual" })).status < 500;
        } catch {
          return false;
        }
      },
      60_000,
      `next start on ${url} (log: ${options.logFile})`,
    );
  } catch (error) {
    await close();
    throw error;
  }
  return { url, close };
}
