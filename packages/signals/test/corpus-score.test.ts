import { describe, expect, it } from "vitest";
import { parseSignal } from "../src/index.js";
import { FAMILY_CORPUS } from "./corpus/index.js";
import { mismatches, scoreAll, table, type Scored } from "./corpus/score.js";

/** What issue #14 asks of the parser over the family corpus. */
const MIN_FULLY_RIGHT = 0.97;
const MIN_SHOWN_PRECISION = 0.995;

const scored: Scored[] = FAMILY_CORPUS.map((m) => {
  const parsed = parseSignal(m.text, m.context);
  return { ...m, parsed, problems: mismatches(m.expected, parsed) };
});
const result = scoreAll(scored);

describe("family corpus score", () => {
  it("has at least 400 messages in at least 30 families, no message twice", () => {
    expect(FAMILY_CORPUS.length).toBeGreaterThanOrEqual(400);
    expect(result.families.size).toBeGreaterThanOrEqual(30);
    expect(new Set(FAMILY_CORPUS.map((m) => m.text)).size).toBe(FAMILY_CORPUS.length);
  });

  it(`reads at least ${MIN_FULLY_RIGHT * 100}% of messages fully right`, () => {
    const wrong = scored
      .filter((m) => m.problems.length > 0)
      .map((m) => `[${m.family}] ${JSON.stringify(m.text)}\n  ${m.problems.join("\n  ")}`);
    const { fullyRight, messages } = result.overall;
    expect(fullyRight / messages, `${table(result)}\n\n${wrong.join("\n")}`).toBeGreaterThanOrEqual(
      MIN_FULLY_RIGHT,
    );
  });

  it(`shows levels only when they are right (precision >= ${MIN_SHOWN_PRECISION * 100}%)`, () => {
    const { shown, shownRight } = result.overall;
    expect(shown).toBeGreaterThan(0);
    expect(shownRight / shown, table(result)).toBeGreaterThanOrEqual(MIN_SHOWN_PRECISION);
  });
});
