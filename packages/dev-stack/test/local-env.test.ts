import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ensureLocalEnv } from "../src/local-env.js";

const tempFile = (): string => join(mkdtempSync(join(tmpdir(), "dev-stack-")), ".env.local");

describe("ensureLocalEnv", () => {
  test("creates the file, owner-only, with every default", async () => {
    const file = tempFile();
    const { env, added } = await ensureLocalEnv(file, () =>
      Promise.resolve({ A: "1", KEY: "a b" }),
    );
    expect(env).toEqual({ A: "1", KEY: "a b" });
    expect(added).toEqual(["A", "KEY"]);
    expect(readFileSync(file, "utf8")).toContain('KEY="a b"');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  test("never overwrites a value someone set, and adds only the missing keys", async () => {
    const file = tempFile();
    writeFileSync(file, "# mine\nA=custom\n");
    const { env, added } = await ensureLocalEnv(file, () =>
      Promise.resolve({ A: "default", B: "2" }),
    );
    expect(env).toEqual({ A: "custom", B: "2" });
    expect(added).toEqual(["B"]);
    expect(readFileSync(file, "utf8")).toBe("# mine\nA=custom\nB=2\n");
  });

  test("reads back what it wrote, quotes included", async () => {
    const file = tempFile();
    const pem = "-----BEGIN PRIVATE KEY----- abc= -----END PRIVATE KEY-----";
    await ensureLocalEnv(file, () => Promise.resolve({ JWT_PRIVATE_KEY: pem }));
    const { env, added } = await ensureLocalEnv(file, () =>
      Promise.resolve({ JWT_PRIVATE_KEY: "other" }),
    );
    expect(added).toEqual([]);
    expect(env.JWT_PRIVATE_KEY).toBe(pem);
  });
});
