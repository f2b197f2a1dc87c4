// The `components` export of `_generated/api` for an app that installs components. Convex's
// CLI generates it only while pushing to a deployment (`npx convex dev`/`codegen` with one);
// offline, `convex codegen --system-udfs` writes the app's `api`/`internal` alone. This adds what
// the CLI adds for a component app with its default settings (dynamic API, component API
// imports): `componentsGeneric()` at run time, and one `ComponentApi` type per installed
// component, imported from the component's own `_generated/component.js`.
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { type InstalledComponent, findComponents } from "../engine/components.js";

const RUNTIME_IMPORT = 'import { anyApi } from "convex/server";';

/** Where the app's generated api imports a component's ComponentApi type from. */
function componentApiModule(functionsDir: string, component: InstalledComponent): string {
  const specifier = component.importSpecifier;
  if (specifier !== "" && !specifier.startsWith(".")) return specifier;
  return `../${relative(functionsDir, component.dir).split(sep).join("/")}`;
}

export function componentsDeclaration(
  functionsDir: string,
  components: readonly InstalledComponent[],
): string {
  const lines = components
    .filter((component) => !component.path.includes("/"))
    .map(
      (component) =>
        `  ${JSON.stringify(component.name)}: import(${JSON.stringify(
          `${componentApiModule(functionsDir, component)}/_generated/component.js`,
        )}).ComponentApi<${JSON.stringify(component.name)}>;`,
    );
  return `\nexport declare const components: {\n${lines.join("\n")}\n};\n`;
}

/**
 * Rewrites `_generated/api.js` and `api.d.ts` of an app with a convex.config to export
 * `components`; returns the names of the installed top-level components ([] leaves both files
 * as `convex codegen` wrote them).
 */
export async function writeComponentApi(functionsDir: string): Promise<string[]> {
  const components = await findComponents(functionsDir);
  if (components.length === 0) return [];
  const generated = join(functionsDir, "_generated");
  const jsFile = join(generated, "api.js");
  const js = readFileSync(jsFile, "utf8");
  if (!js.includes("componentsGeneric")) {
    if (!js.includes(RUNTIME_IMPORT)) {
      throw new Error(`${jsFile} is not what convex codegen writes; run it first.`);
    }
    writeFileSync(
      jsFile,
      js.replace(RUNTIME_IMPORT, 'import { anyApi, componentsGeneric } from "convex/server";') +
        "export const components = componentsGeneric();\n",
    );
  }
  const dtsFile = join(generated, "api.d.ts");
  const dts = readFileSync(dtsFile, "utf8");
  const start = dts.indexOf("\nexport declare const components:");
  const base = start < 0 ? dts : dts.slice(0, start) + "\n";
  writeFileSync(dtsFile, base.trimEnd() + "\n" + componentsDeclaration(functionsDir, components));
  return components.filter((c) => !c.path.includes("/")).map((c) => c.name);
}
