import { describe, expect, test } from "vitest";
import { LINK_REFRESH_MARGIN_MS, linkExpiresSoon } from "./attachment-link";

const link = (exp: number | string) =>
  `http://127.0.0.1:3211/attachment?id=a&tier=vip&epoch=0&exp=${exp}&sig=${"0".repeat(64)}`;

describe("linkExpiresSoon", () => {
  test("fresh links are used as they are; ones about to expire, expired or unreadable are not", () => {
    const now = 1_000_000;
    expect(linkExpiresSoon(link(now + 5 * 60_000), now)).toBe(false);
    expect(linkExpiresSoon(link(now + LINK_REFRESH_MARGIN_MS), now)).toBe(true);
    expect(linkExpiresSoon(link(now - 1), now)).toBe(true);
    expect(linkExpiresSoon(link("soon"), now)).toBe(true);
    expect(linkExpiresSoon("not a url", now)).toBe(true);
  });
});
