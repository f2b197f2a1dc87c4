import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { isWebBuildFresh, webBuildKey } from "../src/web-build.js";

function fakeRepo(): string {
  const root = mkdtempSync(join(tmpdir(), "bench-web-"));
  mkdirSync(join(root, "apps/web/src/app"), { recursive: true });
  mkdirSync(join(root, "convex/_generated"), { recursive: true });
  writeFileSync(join(root, "apps/web/src/app/page.tsx"), "export default 1;");
  writeFileSync(join(root, "convex/_generated/api.js"), "export const api = {};");
  return root;
}

describe("web build freshness", () => {
  test("the key follows sources and the Convex URL", () => {
    const root = fakeRepo();
    const key = webBuildKey(root, "http://127.0.0.1:3410");
    expect(webBuildKey(root, "http://127.0.0.1:3410")).toBe(key);
    expect(webBuildKey(root, "http://127.0.0.1:3411")).not.toBe(key);
    writeFileSync(join(root, "apps/web/src/app/page.tsx"), "export default 2;");
    expect(webBuildKey(root, "http://127.0.0.1:3410")).not.toBe(key);
  });

  test("fresh only with our stamp and the same BUILD_ID", () => {
    const root = fakeRepo();
    const key = webBuildKey(root, "http://x");
    expect(isWebBuildFresh(root, key)).toBe(false);
    const next = join(root, "apps/web/.next");
    mkdirSync(next, { recursive: true });
    writeFileSync(join(next, "BUILD_ID"), "abc\n");
    writeFileSync(join(next, "g3-web-build-stamp.json"), JSON.stringify({ key, buildId: "abc" }));
    expect(isWebBuildFresh(root, key)).toBe(true);
    expect(isWebBuildFresh(root, "other")).toBe(false);
    writeFileSync(join(next, "BUILD_ID"), "rebuilt-by-someone-else");
    expect(isWebBuildFresh(root, key)).toBe(false);
  });
});
