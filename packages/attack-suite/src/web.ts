// The web app as customers get it: a Next.js production build (`next start`), shared by the
// browser tests of one run and reused across runs while its sources and Convex URL are unchanged.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { ensureWebBuild } from "@g3/dev-stack/web-build";
import { waitFor } from "@g3/dev-stack/poll";
import { ROOT, WEB_DIR } from "./paths.js";

export type RunningWeb = { url: string; close: () => Promise<void> };

const NEXT_BIN = join(WEB_DIR, "node_modules", "next", "dist", "bin", "next");

export async function startWeb(
  backendUrl: string,
  port: number,
  logFile: string,
  say: (line: string) => void,
): Promise<RunningWeb> {
  await ensureWebBuild(ROOT, backendUrl, say);
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(
    process.execPath,
    [NEXT_BIN, "start", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: WEB_DIR,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_PUBLIC_CONVEX_URL: backendUrl,
        // The setting the attack on the dev mailbox is about: a production build told "dev".
        EMAIL_PROVIDER: "dev",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  // "localhost", not 127.0.0.1: Next names loopback hosts "localhost" in the redirects it builds.
  const url = `http://localhost:${port}`;
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
      `next start on ${url} (log: ${logFile})`,
    );
  } catch (error) {
    await close();
    throw error;
  }
  return { url, close };
}
