import { describe, expect, test } from "vitest";
import { devMailboxEnabled, isLoopbackHost } from "./dev-mailbox";

const LOCAL = {
  NEXT_PUBLIC_CONVEX_URL: "http://127.0.0.1:3210",
  EMAIL_PROVIDER: "dev" as const,
  DEV_MAILBOX_SECRET: "0123456789abcdef0123",
};

describe("devMailboxEnabled", () => {
  test("on with EMAIL_PROVIDER=dev, the secret and a loopback Convex URL", () => {
    expect(devMailboxEnabled(LOCAL)).toBe(true);
    expect(devMailboxEnabled({ ...LOCAL, NEXT_PUBLIC_CONVEX_URL: "http://localhost:3210" })).toBe(
      true,
    );
  });

  test.each([
    ["real email", { EMAIL_PROVIDER: "resend" as const }],
    ["no mailbox secret", { DEV_MAILBOX_SECRET: undefined }],
    [
      "a Convex cloud deployment",
      { NEXT_PUBLIC_CONVEX_URL: "https://happy-otter-123.convex.cloud" },
    ],
    ["a LAN backend", { NEXT_PUBLIC_CONVEX_URL: "http://192.168.1.20:3210" }],
    ["a look-alike host", { NEXT_PUBLIC_CONVEX_URL: "http://127.0.0.1.evil.example:3210" }],
  ])("off with %s", (_label, change) => {
    expect(devMailboxEnabled({ ...LOCAL, ...change })).toBe(false);
  });
});

describe("isLoopbackHost", () => {
  test.each(["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "localhost", "LOCALHOST:3000"])(
    "%s is this machine",
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  test.each([
    "evil.example",
    "localhost.evil.example:3000",
    "127.0.0.1.evil.example",
    "0.0.0.0:3000",
    "evil.example@127.0.0.1",
    "127.0.0.1/evil",
    "",
    null,
  ])("%j is not", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
