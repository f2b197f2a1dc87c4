import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { signSellappBody, timingSafeEqualStrings, verifySellappSignature } from "../src/index";

const SECRET = "whsec_current_0123456789abcdef0123456789";
const PREVIOUS = "whsec_previous_0123456789abcdef012345678";
const BODY = '{"event":"order.completed","data":{"id":1}}';

describe("signSellappBody", () => {
  test("is the lowercase hex HMAC-SHA256 of the raw body (same as Node's crypto)", async () => {
    const expected = createHmac("sha256", SECRET).update(BODY).digest("hex");
    expect(await signSellappBody(BODY, SECRET)).toBe(expected);
    expect(await signSellappBody(new TextEncoder().encode(BODY), SECRET)).toBe(expected);
  });
});

describe("verifySellappSignature", () => {
  test("accepts the right signature, also upper-cased or padded", async () => {
    const signature = await signSellappBody(BODY, SECRET);
    expect(await verifySellappSignature(BODY, signature, SECRET)).toBe("valid");
    expect(await verifySellappSignature(BODY, ` ${signature.toUpperCase()} `, SECRET)).toBe(
      "valid",
    );
  });

  test("rejects a signature of different bytes (re-serialised JSON does not verify)", async () => {
    const reserialised = JSON.stringify(JSON.parse(BODY), null, 2);
    const signature = await signSellappBody(reserialised, SECRET);
    expect(await verifySellappSignature(BODY, signature, SECRET)).toBe("invalid");
  });

  test("rejects the wrong secret, a truncated signature and garbage", async () => {
    const other = await signSellappBody(BODY, "another-secret-another-secret-1234");
    expect(await verifySellappSignature(BODY, other, SECRET)).toBe("invalid");
    const signature = await signSellappBody(BODY, SECRET);
    expect(await verifySellappSignature(BODY, signature.slice(0, 63), SECRET)).toBe("invalid");
    expect(await verifySellappSignature(BODY, "not-hex", SECRET)).toBe("invalid");
  });

  test("reports a missing or empty header as missing", async () => {
    expect(await verifySellappSignature(BODY, null, SECRET)).toBe("missing");
    expect(await verifySellappSignature(BODY, "   ", SECRET)).toBe("missing");
  });

  test("accepts either secret during a rotation window, and only those", async () => {
    const byPrevious = await signSellappBody(BODY, PREVIOUS);
    const byCurrent = await signSellappBody(BODY, SECRET);
    expect(await verifySellappSignature(BODY, byPrevious, [SECRET, PREVIOUS])).toBe("valid");
    expect(await verifySellappSignature(BODY, byCurrent, [SECRET, PREVIOUS])).toBe("valid");
    expect(await verifySellappSignature(BODY, byPrevious, [SECRET])).toBe("invalid");
    expect(await verifySellappSignature(BODY, byPrevious, [SECRET, ""])).toBe("invalid");
  });

  test("throws when no secret is configured (a server error, not a bad request)", async () => {
    await expect(verifySellappSignature(BODY, "abc", "")).rejects.toThrow(/no signing secret/);
    await expect(verifySellappSignature(BODY, "abc", [])).rejects.toThrow(/no signing secret/);
  });
});

describe("timingSafeEqualStrings", () => {
  test("compares content and length", () => {
    expect(timingSafeEqualStrings("abc", "abc")).toBe(true);
    expect(timingSafeEqualStrings("abc", "abd")).toBe(false);
    expect(timingSafeEqualStrings("abc", "abcd")).toBe(false);
    expect(timingSafeEqualStrings("", "")).toBe(true);
  });
});
