import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Files whose change makes a production build stale (besides the inlined Convex URL). */
const INPUTS = [
  "apps/web/src",
  "apps/web/public",
  "apps/web/next.config.ts",
  "apps/web/package.json",
  "apps/web/postcss.config.mjs",
  "apps/web/tsconfig.json",
  "convex/_generated",
];
const STAMP = "g3-web-build-stamp.json";

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  const stat = statSync(path);
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => listFiles(join(path, name)));
}

/** Hash of every input file's path and content, plus the Convex URL the build inlines. */
export function webBuildKey(root: string, convexUrl: string): string {
  const hash = createHash("sha256").update(
    `NODE_ENV=production\nNEXT_PUBLIC_CONVEX_URL=${convexUrl}\n`,
  );
  for (const file of INPUTS.flatMap((input) => listFiles(join(root, input)))) {
    hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** The existing .next build is ours and current: same inputs, same URL, same BUILD_ID. */
export function isWebBuildFresh(root: string, key: string): boolean {
  const dir = join(root, "apps/web/.next");
  try {
    const stamp = JSON.parse(readFileSync(join(dir, STAMP), "utf8")) as {
      key?: string;
      buildId?: string;
    };
    const buildId = readFileSync(join(dir, "BUILD_ID"), "utf8").trim();
    return stamp.key === key && stamp.buildId === buildId;
  } catch {
    return false;
  }
}

/**
 * `next build` of apps/web against `convexUrl` (NEXT_PUBLIC_* is inlined at build time), unless
 * the build in apps/web/.next is already fresh. Another `next build` (the web e2e test) replaces
 * the stamp's BUILD_ID, so the next benchmark or attack suite rebuilds.
 */
export async function ensureWebBuild(
  root: string,
  convexUrl: string,
  say: (line: string) => void,
): Promise<"reused" | "built"> {
  const key = webBuildKey(root, convexUrl);
  if (isWebBuildFresh(root, key)) return "reused";
  say(`building the web app for production (next build, ~2–4 min on 2 cores)…`);
  const webDir = join(root, "apps/web");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(join(webDir, "node_modules/.bin/next"), ["build"], {
      cwd: webDir,
      env: {
        ...process.env,
        // A production build whatever the caller runs under (vitest sets NODE_ENV=test, and
        // next.config.ts decides production-only headers such as HSTS from it).
        NODE_ENV: "production",
        NEXT_PUBLIC_CONVEX_URL: convexUrl,
        EMAIL_PROVIDER: "dev",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next build exited with ${code}:\n${output}`)),
    );
  });
  const buildId = readFileSync(join(webDir, ".next/BUILD_ID"), "utf8").trim();
  writeFileSync(join(webDir, ".next", STAMP), JSON.stringify({ key, buildId, convexUrl }));
  return "built";
}
