import { importJWK, importPKCS8, SignJWT, jwtVerify, type JWK } from "jose";
import { describe, expect, it } from "vitest";
import { generateAuthKeys } from "../src/auth/keys.js";
import { parseEnvFile } from "../src/env.js";
import { scanEnvReferences, unsetNames } from "../src/envScan.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDataDir } from "./helpers.js";

describe("Convex Auth key generation", () => {
  it("produces a PKCS8 key with spaces for newlines and a matching JWKS", async () => {
    const keys = await generateAuthKeys();
    expect(keys.JWT_PRIVATE_KEY).not.toContain("\n");
    expect(keys.JWT_PRIVATE_KEY.startsWith("-----BEGIN PRIVATE KEY----- ")).toBe(true);
    const jwks = JSON.parse(keys.JWKS) as { keys: (JWK & { use: string })[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]?.use).toBe("sig");
    const pem = keys.JWT_PRIVATE_KEY.replace(/ (?!PRIVATE|KEY)/g, "\n");
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256" })
      .setSubject("s")
      .sign(await importPKCS8(pem, "RS256"));
    const publicKey = await importJWK(jwks.keys[0] as JWK, "RS256");
    expect((await jwtVerify(token, publicKey)).payload.sub).toBe("s");
  });
});

describe("env files", () => {
  it("parses comments, quotes, export prefixes and escaped newlines", () => {
    const env = parseEnvFile(
      [
        "# a comment",
        "PLAIN=value # trailing comment",
        'QUOTED="a b # not a comment"',
        "SINGLE='x=y'",
        "export EXPORTED=1",
        'MULTI="line1\\nline2"',
        "EMPTY=",
        "not a line",
      ].join("\n"),
    );
    expect(env).toEqual({
      PLAIN: "value",
      QUOTED: "a b # not a comment",
      SINGLE: "x=y",
      EXPORTED: "1",
      MULTI: "line1\nline2",
      EMPTY: "",
    });
  });
});

describe("env references in function code", () => {
  it("finds required and optional names and reports the unset ones", () => {
    const dir = tempDataDir();
    mkdirSync(join(dir, "model"));
    writeFileSync(
      join(dir, "a.ts"),
      'const s = requireEnv("SECRET_KEY");\nconst u = process.env.SITE_URL;\nconst t = process.env["TOKEN"];',
    );
    writeFileSync(join(dir, "model", "b.ts"), 'optionalEnv("MAYBE"); requireEnv("ALSO_REQUIRED");');
    writeFileSync(join(dir, "a.test.ts"), 'requireEnv("ONLY_IN_TESTS");');
    const found = scanEnvReferences(dir);
    expect([...found.required].sort()).toEqual(["ALSO_REQUIRED", "SECRET_KEY"]);
    expect([...found.referenced].sort()).toEqual(["MAYBE", "SITE_URL", "TOKEN"]);
    expect(unsetNames(found.required, { SECRET_KEY: "x", ALSO_REQUIRED: "" })).toEqual([
      "ALSO_REQUIRED",
    ]);
  });
});
