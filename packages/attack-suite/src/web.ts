// The web app as customers get it: a Next.js production build (`next start`), shared by the
// browser tests of one run and reused across runs while its sources and Convex URL are unchanged.
// EMAIL_PROVIDER=dev is the setting the attack on the dev mailbox is about: a production build
// told "dev".
import { ensureWebBuild } from "@g3/dev-stack/web-build";
import { type RunningWeb, startWebProduction } from "@g3/dev-stack/web-start";
import { ROOT } from "./paths.js";

export type { RunningWeb };

export async function startWeb(
  backendUrl: string,
  port: number,
  logFile: string,
  say: (line: string) => void,
): Promise<RunningWeb> {
  await ensureWebBuild(ROOT, backendUrl, say);
  return startWebProduction(ROOT, { backendUrl, port, logFile });
}
