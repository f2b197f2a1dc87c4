// Serves the conformance app in both module formats Convex apps come in: the same convex/
// folder under a package.json with "type": "module", and under one without (CommonJS, like
// Convex's own demo apps). Convex's CLI bundles either the same way, so both must load alike.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type ModuleFormat = "module" | "commonjs";
export const MODULE_FORMATS: readonly ModuleFormat[] = ["module", "commonjs"];

const here = dirname(fileURLToPath(import.meta.url));
export const APP_SOURCE = join(here, "app", "convex");
/** The app that installs components from npm (rate limiter, aggregate, migrations). */
export const COMPONENTS_APP_SOURCE = join(here, "components-app", "convex");

/**
 * Copies the app into test/conformance/.apps/<name> (inside this package, so `convex` resolves
 * from its node_modules) under a package.json of the given format; returns its functions dir.
 * `edit` may change or add files of the copy (e.g. a module that must fail to load).
 */
export function materializeApp(
  format: ModuleFormat,
  name: string = format,
  edit?: (functionsDir: string) => void,
  source: string = APP_SOURCE,
): string {
  const root = join(here, ".apps", name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const manifest: Record<string, unknown> = {
    name: `conformance-${name}`,
    private: true,
    dependencies: { convex: "1.48.0" },
  };
  if (format === "module") manifest.type = "module";
  writeFileSync(join(root, "package.json"), JSON.stringify(manifest, null, 2));
  const functionsDir = join(root, "convex");
  cpSync(source, functionsDir, { recursive: true });
  edit?.(functionsDir);
  return functionsDir;
}
