import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, the web app, and where results go. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const WEB_DIR = join(ROOT, "apps", "web");
export const RESULTS_DIR = join(ROOT, "bench-results");
