import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, the Convex functions the backend serves, and the web app. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const FUNCTIONS_DIR = join(ROOT, "convex");
export const WEB_DIR = join(ROOT, "apps", "web");
export const RESULTS_DIR = join(ROOT, "bench-results");
