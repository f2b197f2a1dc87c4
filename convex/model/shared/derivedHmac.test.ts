import { createHash, createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { derivedHmacHex } from "./derivedHmac";

/** The documented construction, computed independently: HMAC-SHA256 under SHA-256(purpose, secret). */
function expected(purpose: string, secret: string, message: string): string {
  const key = createHash("sha256").update(`${purpose}\n${secret}`).digest();
  return createHmac("sha256", key).update(message).digest("hex");
}

describe("derivedHmacHex", () => {
  it("signs per purpose, and a remembered MAC is the one a fresh computation gives", async () => {
    vi.stubEnv("JWT_PRIVATE_KEY", "secret-one");
    const first = await derivedHmacHex("live", "tier\n1\n60000");
    expect(first).toBe(expected("live", "secret-one", "tier\n1\n60000"));
    expect(await derivedHmacHex("live", "tier\n1\n60000")).toBe(first);
    expect(await derivedHmacHex("links", "tier\n1\n60000")).toBe(
      expected("links", "secret-one", "tier\n1\n60000"),
    );
  });

  it("forgets what it signed when the secret rotates", async () => {
    vi.stubEnv("JWT_PRIVATE_KEY", "secret-one");
    await derivedHmacHex("live", "same message");
    vi.stubEnv("JWT_PRIVATE_KEY", "secret-two");
    expect(await derivedHmacHex("live", "same message")).toBe(
      expected("live", "secret-two", "same message"),
    );
  });
});
