// `_generated/api.js` and `api.d.ts` of an app that installs components. Convex's CLI writes
// them only while pushing to a deployment (`npx convex dev`/`codegen` with one), from its
// component templates; offline, `convex codegen --system-udfs` writes the plain app templates
// instead (no `components`, another layout). This renders what the CLI renders for the root of
// a component app with its default settings (dynamic API, component API imports): the text of
// its templates (convex/src/cli/codegen_templates/component_api.ts: componentApiJs,
// componentApiDTS, codegenDynamicApiObjects) formatted with the prettier the CLI formats with,
// so the same functions directory's `_generated` is byte for byte what `npx convex codegen`
// leaves. The module list is the one `convex codegen --system-udfs` just found.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { type InstalledComponent, findComponents } from "../engine/components.js";

const HEADER = `/* eslint-disable */
  /**
   * Generated \`api\` utility.
   *
   * THIS CODE IS AUTOMATICALLY GENERATED.
   *
   * To regenerate, run \`npx convex dev\`.
   * @module
   */
  `;

function apiComment(apiName: string, type: string | undefined): string {
  return `
  /**
     * A utility for referencing Convex functions in your app's${type ? ` ${type}` : ""} API.
     *
     * Usage:
     * \`\`\`js
     * const myFunctionReference = ${apiName}.myModule.myFunction;
     * \`\`\`
     */`;
}

/** componentApiJs(). */
function apiJs(): string {
  return [
    HEADER,
    `
    import { anyApi, componentsGeneric } from "convex/server";

    ${apiComment("api", undefined)}
    export const api = anyApi;
    export const internal = anyApi;
    export const components = componentsGeneric();
  `,
  ].join("\n");
}

type Module = { readonly ident: string; readonly path: string };

/** The modules `convex codegen` listed, in its order: `import type * as <ident> from "../<path>.js"`. */
export function modulesOf(apiDts: string): Module[] {
  return [...apiDts.matchAll(/^import type \* as (\S+) from "\.\.\/(.+)\.js";$/gm)].map(
    ([, ident, path]) => ({ ident: ident ?? "", path: path ?? "" }),
  );
}

/** Where the app's generated api imports a component's ComponentApi type from. */
function componentApiModule(functionsDir: string, component: InstalledComponent): string {
  const specifier = component.importSpecifier;
  if (specifier !== "" && !specifier.startsWith(".")) return specifier;
  return `../${relative(functionsDir, component.dir).split(sep).join("/")}`;
}

/** componentApiDTS() with the dynamic API (codegenDynamicApiObjects) and component API imports. */
function apiDts(
  functionsDir: string,
  modules: readonly Module[],
  components: readonly InstalledComponent[],
): string {
  const lines = [HEADER];
  for (const { ident, path } of modules)
    lines.push(`import type * as ${ident} from "../${path}.js";`);
  lines.push(`
    import type {
      ApiFromModules,
      FilterApi,
      FunctionReference,
    } from "convex/server";

    declare const fullApi: ApiFromModules<{
  `);
  for (const { ident, path } of modules) lines.push(`  "${path}": typeof ${ident},`);
  lines.push(`}>;`);
  lines.push(`
    ${apiComment("api", "public")}
    export declare const api: FilterApi<typeof fullApi, FunctionReference<any, "public">>;
    ${apiComment("internal", "internal")}
    export declare const internal: FilterApi<typeof fullApi, FunctionReference<any, "internal">>;
  `);
  lines.push(`
  export declare const components: {`);
  for (const component of components) {
    lines.push(
      `  "${component.name}": import("${componentApiModule(functionsDir, component)}/_generated/component.js").ComponentApi<"${component.name}">,`,
    );
  }
  lines.push("};");
  return lines.join("\n");
}

type Prettier = { format(source: string, options: { parser: string }): Promise<string> };

/** The prettier the Convex CLI formats its output with: its own dependency. */
async function cliPrettier(functionsDir: string): Promise<Prettier> {
  const convexPackage = createRequire(join(functionsDir, "package.json")).resolve(
    "convex/package.json",
  );
  const entry = createRequire(convexPackage).resolve("prettier");
  const loaded = (await import(pathToFileURL(entry).href)) as { default: Prettier };
  return loaded.default;
}

/**
 * Rewrites `_generated/api.js` and `api.d.ts` of an app with a convex.config as the CLI writes
 * them for a component app; returns the names of the installed top-level components ([] leaves
 * both files as `convex codegen` wrote them). Run it right after `convex codegen`.
 */
export async function writeComponentApi(functionsDir: string): Promise<string[]> {
  const components = (await findComponents(functionsDir)).filter((c) => !c.path.includes("/"));
  if (components.length === 0) return [];
  const generated = join(functionsDir, "_generated");
  const dtsFile = join(generated, "api.d.ts");
  const modules = modulesOf(readFileSync(dtsFile, "utf8"));
  const prettier = await cliPrettier(functionsDir);
  const format = (source: string) => prettier.format(source, { parser: "typescript" });
  writeFileSync(join(generated, "api.js"), await format(apiJs()));
  writeFileSync(dtsFile, await format(apiDts(functionsDir, modules, components)));
  return components.map((c) => c.name);
}
