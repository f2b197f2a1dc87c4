import { type Infer } from "convex/values";
import { describe, expect, expectTypeOf, it } from "vitest";
import { vParsedSignal } from "../../../convex/tables/signals.js";
import { parseSignal, type ParsedSignal } from "../src/index.js";
import { validatorProblems } from "./convex-validator.js";
import { FAMILY_CORPUS } from "./corpus/index.js";
import { CORPUS } from "./corpus/regression.js";

describe("contract with convex/tables/signals.ts vParsedSignal", () => {
  it("the TypeScript type is the validator's type, both ways", () => {
    expectTypeOf<ParsedSignal>().toEqualTypeOf<Infer<typeof vParsedSignal>>();
  });

  it("the checker rejects what Convex rejects", () => {
    const good = parseSignal("BTC/USDT LONG Entry 42000 TP 43000 SL 41000");
    expect(validatorProblems(vParsedSignal, good)).toEqual([]);
    expect(validatorProblems(vParsedSignal, { ...good, extra: 1 })).toEqual([
      "$.extra: not in the validator",
    ]);
    expect(validatorProblems(vParsedSignal, { ...good, side: undefined })).toEqual([
      "$.side: undefined-valued key",
    ]);
    expect(validatorProblems(vParsedSignal, { ...good, kind: "tp_hit" })).toEqual([
      '$.kind: "tp_hit" matches no union member',
    ]);
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))("%s parses into a valid document", (_n, c) => {
    expect(validatorProblems(vParsedSignal, parseSignal(c.text, c.context))).toEqual([]);
  });

  it("every family corpus message parses into a valid document", () => {
    for (const m of FAMILY_CORPUS) {
      expect(validatorProblems(vParsedSignal, parseSignal(m.text, m.context)), m.text).toEqual([]);
    }
  });
});
