import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseEnvFile } from "@g3/convex-offline";
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
    expect(readFileSync(file, "utf8")).toContain("KEY='a b'");
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

  test("JSON values (JWKS) read back intact by the backend's env-file parser", async () => {
    const file = tempFile();
    const jwks = JSON.stringify({ keys: [{ use: "sig", kty: "RSA", n: "abc", e: "AQAB" }] });
    await ensureLocalEnv(file, () => Promise.resolve({ JWKS: jwks, PLAIN: "x", QUOTE: "it's" }));
    const parsed = parseEnvFile(readFileSync(file, "utf8"));
    expect(parsed.JWKS).toBe(jwks);
    expect(JSON.parse(parsed.JWKS ?? "")).toEqual(JSON.parse(jwks));
    expect(parsed.QUOTE).toBe("it's");
    expect(parsed.PLAIN).toBe("x");
  });
});
