import { describe, expect, it } from "vitest";
import { normalize } from "../src/normalize.js";

describe("normalize", () => {
  it("strips markdown, quotes and bullets", () => {
    expect(normalize("> **Entry:** `42000`\n- TP __43000__\n>>> ~~old~~ ||spoiler||")).toBe(
      "Entry: 42000\nTP 43000\nold spoiler",
    );
  });

  it("unifies dashes and odd separators", () => {
    expect(normalize("42000 – 42500 — 43000 − 1 → 2 ≈ 3 | 4 ; 5 ~ 6")).toBe(
      "42000 - 42500 - 43000 - 1 2 3 4 5 6",
    );
  });

  it("drops keycap numbering and variation selectors", () => {
    expect(normalize("1️⃣ 43000\n2️⃣ 44000\n⛔️ 41000")).toBe("43000\n44000\n⛔ 41000");
  });

  it("removes links, Discord mentions, custom emoji and timestamps", () => {
    expect(
      normalize("see https://x.com/a?b=1 <@123> <@&456> <#789> <:pepe:111> <t:1700000000:R> ok"),
    ).toBe("see ok");
  });

  it("turns odd spaces, zero-width characters and CRLF into plain text", () => {
    expect(normalize("BTC\u00A0/\u200BUSDT\r\nSL\t41000")).toBe("BTC /USDT\nSL 41000");
  });

  it("keeps a leading minus sign and hashtags", () => {
    expect(normalize("-10% #ETHUSDT")).toBe("-10% #ETHUSDT");
  });

  it("is idempotent", () => {
    const once = normalize("**BTC/USDT** LONG\n> Entry → 42000 – 42500");
    expect(normalize(once)).toBe(once);
  });
});

describe("list numbers (issue #14)", () => {
  it("drops circled, negative-circled and parenthesised digits", () => {
    expect(normalize("TP ① 1.94 ② 1.98\n❶ 1.81 ⑴ 0.2265 ➊ 3")).toBe("TP 1.94 1.98\n1.81 0.2265 3");
  });
});
