// A restart with unchanged sources imports the previous build instead of re-bundling; any change
// to a file esbuild read (here a helper imported by a module) makes a new build.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleFunctions } from "../src/engine/bundle/bundle.js";
import { materializeApp } from "./conformance/materialize.js";

describe("bundle reuse", () => {
  it("reuses the build while no input changed, and rebuilds after a change", async () => {
    const functionsDir = materializeApp("commonjs", "bundle-cache", (dir) => {
      writeFileSync(join(dir, "greeting.ts"), 'export const greeting = () => "hello";\n');
      writeFileSync(
        join(dir, "greet.ts"),
        'import { query } from "./_generated/server";\nimport { greeting } from "./greeting";\nexport const hello = query({ args: {}, handler: () => greeting() });\nexport const text = greeting;\n',
      );
    });
    const first = await bundleFunctions(functionsDir);
    expect(first.reused).toBe(false);
    const second = await bundleFunctions(functionsDir);
    expect(second.reused).toBe(true);
    expect(second.outDir).toBe(first.outDir);

    const helper = join(functionsDir, "greeting.ts");
    writeFileSync(helper, readFileSync(helper, "utf8").replace("hello", "hello again!"));
    const third = await bundleFunctions(functionsDir);
    expect(third.reused).toBe(false);
    expect(third.outDir).not.toBe(first.outDir);
    const module = (await import(pathToFileURL(third.outputFile("greet.ts")).href)) as {
      text: () => string;
    };
    expect(module.text()).toBe("hello again!");
  });
});
