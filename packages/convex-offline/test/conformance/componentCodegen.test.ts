// Codegen for a component app: `convex codegen --system-udfs` writes the plain app templates
// (no `components`); writeComponentApi rewrites `_generated/api.*` as the CLI writes them for a
// component app after a push (its component templates, its prettier), from our own evaluation
// of convex.config.ts.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { getFunctionAddress } from "convex/server";
import { describe, expect, it } from "vitest";
import { writeComponentApi } from "../../src/codegen/componentApi.js";
import { COMPONENTS_APP_SOURCE, materializeApp } from "./materialize.js";

/** `_generated` as `convex codegen --system-udfs` (the real CLI, offline) leaves it. */
function asOfflineCodegenWrites(functionsDir: string): void {
  const convexDir = dirname(createRequire(import.meta.url).resolve("convex/package.json"));
  const cli = join(convexDir, "bin", "main.js");
  execFileSync(process.execPath, [cli, "codegen", "--system-udfs", "--typecheck", "disable"], {
    cwd: dirname(functionsDir),
    stdio: "ignore",
  });
}

/** The CLI's componentApiJs() after its prettier. */
const CLI_COMPONENT_API_JS = `/* eslint-disable */
/**
 * Generated \`api\` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run \`npx convex dev\`.
 * @module
 */

import { anyApi, componentsGeneric } from "convex/server";

/**
 * A utility for referencing Convex functions in your app's API.
 *
 * Usage:
 * \`\`\`js
 * const myFunctionReference = api.myModule.myFunction;
 * \`\`\`
 */
export const api = anyApi;
export const internal = anyApi;
export const components = componentsGeneric();
`;

describe("codegen for an app with components", () => {
  it("adds the components export: references at run time, each component's ComponentApi type", async () => {
    const functionsDir = materializeApp(
      "module",
      "components-codegen",
      asOfflineCodegenWrites,
      COMPONENTS_APP_SOURCE,
    );
    expect(readFileSync(join(functionsDir, "_generated", "api.js"), "utf8")).not.toContain(
      "components",
    );
    const plainDts = readFileSync(join(functionsDir, "_generated", "api.d.ts"), "utf8");

    expect(await writeComponentApi(functionsDir)).toEqual([
      "rateLimiter",
      "scoreTotals",
      "migrations",
    ]);

    expect(readFileSync(join(functionsDir, "_generated", "api.js"), "utf8")).toBe(
      CLI_COMPONENT_API_JS,
    );
    const dts = readFileSync(join(functionsDir, "_generated", "api.d.ts"), "utf8");
    // The component template's layout: the module imports first, then the server types; no
    // comment on fullApi; "public"/"internal" in the api comments; components last.
    const moduleImports = plainDts.match(/^import type \* as .+$/gm) ?? [];
    expect(moduleImports.length).toBeGreaterThan(0);
    expect(dts).toContain(
      `${moduleImports.join("\n")}\n\nimport type {\n  ApiFromModules,\n  FilterApi,\n  FunctionReference,\n} from "convex/server";\n\ndeclare const fullApi: ApiFromModules<{\n`,
    );
    expect(dts).toContain("A utility for referencing Convex functions in your app's public API.");
    expect(dts).toContain("A utility for referencing Convex functions in your app's internal API.");
    expect(dts).toContain(
      `export declare const api: FilterApi<\n  typeof fullApi,\n  FunctionReference<any, "public">\n>;`,
    );
    expect(
      dts.endsWith(
        `export declare const components: {
  rateLimiter: import("@convex-dev/rate-limiter/_generated/component.js").ComponentApi<"rateLimiter">;
  scoreTotals: import("@convex-dev/aggregate/_generated/component.js").ComponentApi<"scoreTotals">;
  migrations: import("@convex-dev/migrations/_generated/component.js").ComponentApi<"migrations">;
};
`,
      ),
    ).toBe(true);
    const generated = (await import(
      pathToFileURL(join(functionsDir, "_generated", "api.js")).href
    )) as { components: { scoreTotals: { btree: { count: never } } } };
    expect(getFunctionAddress(generated.components.scoreTotals.btree.count)).toEqual({
      reference: "_reference/childComponent/scoreTotals/btree/count",
    });

    // Running it again changes nothing.
    await writeComponentApi(functionsDir);
    expect(readFileSync(join(functionsDir, "_generated", "api.d.ts"), "utf8")).toBe(dts);
  });

  it("leaves an app without a convex.config as convex codegen wrote it", async () => {
    const functionsDir = materializeApp("module", "no-components-codegen");
    const before = readFileSync(join(functionsDir, "_generated", "api.js"), "utf8");
    expect(await writeComponentApi(functionsDir)).toEqual([]);
    expect(readFileSync(join(functionsDir, "_generated", "api.js"), "utf8")).toBe(before);
  });
});
