/**
 * Text cleanup before any rule runs: Discord markup, markdown, links and unicode look-alikes
 * become plain ASCII-ish text. Pure and idempotent.
 */

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g;
/** Keycap numbering (1️⃣ 2️⃣ … 🔟) only numbers list lines: drop it. */
const KEYCAPS = /[0-9#*]\uFE0F?\u20E3|\u{1F51F}/gu;
/** Circled, negative-circled and parenthesised list numbers (① ❶ ⑴ ➊): drop them too. */
const CIRCLED_NUMBERS = /[\u2460-\u249B\u24EA-\u24FF\u2776-\u2793]/g;
const VARIATION_SELECTORS = /[\uFE0E\uFE0F]/g;
const URLS = /\b(?:https?:\/\/|www\.)\S+/gi;
/** Discord tokens: <@123>, <@!123>, <@&123>, <#123>, <:name:123>, <a:name:123>, <t:123:R>. */
const DISCORD_TOKENS = /<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:\d+(?::\w)?)>/g;
const MARKDOWN = /\*\*|__|~~|\|\||```\w*|`|\*/g;
/** Quote marks, headings and bullets at a line start ("> ", "# ", "- ", "🔹"). */
const LINE_PREFIX = /^[ \t]*(?:(?:>>>|>|#{1,3}|[-◦‣∙])[ \t]+|[\u{1F539}\u{1F538}])+/gmu;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SEPARATORS = /[→⇒➡➜➔⟶↦~≈|;•·▪►▶]/g;

export function normalize(input: string): string {
  return input
    .replace(/\r\n?/g, "\n")
    .replace(ZERO_WIDTH, "")
    .replace(KEYCAPS, " ")
    .replace(CIRCLED_NUMBERS, " ")
    .replace(VARIATION_SELECTORS, "")
    .replace(URLS, " ")
    .replace(DISCORD_TOKENS, " ")
    .replace(MARKDOWN, " ")
    .replace(ODD_SPACES, " ")
    .replace(DASHES, "-")
    .replace(/[：]/g, ":")
    .replace(/[×]/g, "x")
    .replace(SEPARATORS, " ")
    .replace(LINE_PREFIX, "")
    .replace(/ {2,}/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .trim();
}
