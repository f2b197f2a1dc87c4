// One system under attack per run: the offline Convex backend (persisting to a temp directory,
// so the webhook test can measure stored bytes) and the production web build on `next start`.
// Each test file brings its own accounts; they share the deployment, as real attackers would.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Backend } from "@g3/convex-offline";
import type { TestProject } from "vitest/node";
import { freePort } from "@g3/dev-stack";
import { startAttackBackend } from "./backend.js";
import type { SuiteStack } from "./context.js";
import { signUpVerified } from "./actors.js";
import { startWeb, type RunningWeb } from "./web.js";
import { ADMIN_EMAIL } from "./world.js";

function stackOf(
  backend: Backend,
  webUrl: string | null,
  webError: string | null,
  dataDir: string,
): SuiteStack {
  return {
    backendUrl: backend.url,
    siteUrl: backend.siteUrl,
    adminKey: backend.adminKey,
    webUrl,
    webError,
    dataDir,
  };
}

/** Same preferred port as the benchmark: one production build (it inlines the URL) serves both. */
const PREFERRED_BACKEND_PORT = 3410;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = mkdtempSync(join(tmpdir(), "g3-attack-suite-"));
  const dataDir = join(workDir, "convex");
  const webPort = await freePort();
  const say = (line: string) => process.stderr.write(`[attack-suite] ${line}\n`);
  const backend = await startAttackBackend({
    port: await freePort(PREFERRED_BACKEND_PORT),
    dataDir,
    siteUrl: `http://localhost:${webPort}`,
  });
  let web: RunningWeb | null = null;
  let webError: string | null = null;
  try {
    await signUpVerified(stackOf(backend, null, null, dataDir), ADMIN_EMAIL);
  } catch (error) {
    await backend.close();
    throw error;
  }
  if (process.env.ATTACK_SUITE_WEB === "off") {
    webError = "the web app was not started (ATTACK_SUITE_WEB=off)";
  } else {
    try {
      web = await startWeb(backend.url, webPort, join(workDir, "next-server.log"), say);
    } catch (error) {
      // The Convex attacks still run; every web test fails with this reason.
      webError = `the production web app did not start: ${error instanceof Error ? error.message : String(error)}`;
      say(webError);
    }
  }
  project.provide("stack", stackOf(backend, web?.url ?? null, webError, dataDir));
  return async () => {
    await web?.close();
    await backend.close();
    rmSync(workDir, { recursive: true, force: true });
  };
}
