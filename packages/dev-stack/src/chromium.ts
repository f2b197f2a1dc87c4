import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's chromium (`apt-get install chromium`), or wherever CHROMIUM_PATH points. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Headless Chromium driven by playwright-core, for the web's browser test and the benchmark's
 * browser probe. Missing → an error that says how to install it; `alternative` adds what else the
 * caller can do (e.g. run without the browser).
 */
export async function launchChromium(alternative?: string): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install it with ` +
        "`apt-get update && apt-get install -y chromium` (or `bash scripts/setup.sh` with " +
        "WITH_BROWSER=1), or point CHROMIUM_PATH at a Chromium binary." +
        (alternative === undefined ? "" : ` ${alternative}`),
    );
  }
  return await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}
