import { resolve } from "node:path";

/** The repository root: this package sits at packages/dev-stack. */
export const REPO_ROOT = resolve(import.meta.dirname, "../../..");
/** The Convex app every stack serves. */
export const CONVEX_DIR = resolve(REPO_ROOT, "convex");
