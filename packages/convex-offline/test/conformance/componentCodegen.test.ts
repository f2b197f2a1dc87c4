// Codegen for a component app: `convex codegen --system-udfs` writes `api`/`internal` only; the
// `components` export (the CLI writes it after a push) is added from our own evaluation of
// convex.config.ts, in the CLI's default form.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { getFunctionAddress } from "convex/server";
import { describe, expect, it } from "vitest";
import { writeComponentApi } from "../../src/codegen/componentApi.js";
import { COMPONENTS_APP_SOURCE, materializeApp } from "./materialize.js";

/** `_generated/api.*` as `convex codegen --system-udfs` leaves them (no components). */
function asOfflineCodegenWrites(functionsDir: string): void {
  const js = join(functionsDir, "_generated", "api.js");
  writeFileSync(
    js,
    readFileSync(js, "utf8")
      .replace("import { anyApi, componentsGeneric }", "import { anyApi }")
      .replace("export const components = componentsGeneric();\n", ""),
  );
  const dts = join(functionsDir, "_generated", "api.d.ts");
  const text = readFileSync(dts, "utf8");
  writeFileSync(dts, text.slice(0, text.indexOf("\nexport declare const components")) + "\n");
}

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

    expect(await writeComponentApi(functionsDir)).toEqual([
      "rateLimiter",
      "scoreTotals",
      "migrations",
    ]);

    const dts = readFileSync(join(functionsDir, "_generated", "api.d.ts"), "utf8");
    expect(dts).toContain("export declare const api:");
    expect(dts).toContain(
      `"rateLimiter": import("@convex-dev/rate-limiter/_generated/component.js").ComponentApi<"rateLimiter">;`,
    );
    expect(dts).toContain(
      `"scoreTotals": import("@convex-dev/aggregate/_generated/component.js").ComponentApi<"scoreTotals">;`,
    );
    expect(dts).toContain(
      `"migrations": import("@convex-dev/migrations/_generated/component.js").ComponentApi<"migrations">;`,
    );
    const generated = (await import(
      pathToFileURL(join(functionsDir, "_generated", "api.js")).href
    )) as { components: { scoreTotals: { btree: { count: never } } } };
    expect(getFunctionAddress(generated.components.scoreTotals.btree.count)).toEqual({
      reference: "_reference/childComponent/scoreTotals/btree/count",
    });

    // Running it again leaves one components declaration.
    await writeComponentApi(functionsDir);
    const again = readFileSync(join(functionsDir, "_generated", "api.d.ts"), "utf8");
    expect(again.split("export declare const components").length).toBe(2);
  });

  it("leaves an app without a convex.config as convex codegen wrote it", async () => {
    const functionsDir = materializeApp("module", "no-components-codegen");
    const before = readFileSync(join(functionsDir, "_generated", "api.js"), "utf8");
    expect(await writeComponentApi(functionsDir)).toEqual([]);
    expect(readFileSync(join(functionsDir, "_generated", "api.js"), "utf8")).toBe(before);
  });
});
