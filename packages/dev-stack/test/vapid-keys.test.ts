import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import { describe, expect, test } from "vitest";
import { defaultLocalEnv } from "../src/local-env.js";
import { generateVapidEnv } from "../src/vapid-keys.js";

describe("VAPID keys for the local stack", () => {
  test("a P-256 pair whose private key signs what the public key verifies (ES256)", () => {
    const env = generateVapidEnv();
    const pub = Buffer.from(env.VAPID_PUBLIC_KEY, "base64url");
    const priv = Buffer.from(env.VAPID_PRIVATE_KEY, "base64url");
    expect(pub.length).toBe(65);
    expect(pub[0]).toBe(4);
    expect(priv.length).toBe(32);
    const x = pub.subarray(1, 33).toString("base64url");
    const y = pub.subarray(33).toString("base64url");
    const privateKey = createPrivateKey({
      key: { kty: "EC", crv: "P-256", x, y, d: env.VAPID_PRIVATE_KEY },
      format: "jwk",
    });
    const publicKey = createPublicKey({ key: { kty: "EC", crv: "P-256", x, y }, format: "jwk" });
    const signature = sign("sha256", Buffer.from("jwt"), privateKey);
    expect(verify("sha256", Buffer.from("jwt"), publicKey, signature)).toBe(true);
    expect(env.VAPID_SUBJECT).toMatch(/^mailto:/);
  });

  test("the generated .env.local carries them, fresh per machine", async () => {
    const ports = { convex: 3210, site: 3211, emulator: 3300, web: 3000 } as never;
    const [a, b] = [await defaultLocalEnv(ports), await defaultLocalEnv(ports)];
    expect(a.VAPID_PUBLIC_KEY).toMatch(/^B[A-Za-z0-9_-]{86}$/);
    expect(a.VAPID_PRIVATE_KEY).not.toBe(b.VAPID_PRIVATE_KEY);
    expect(a.VAPID_SUBJECT).toBe("mailto:admin@g3.local");
  });
});
