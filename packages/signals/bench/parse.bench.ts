import { bench, describe } from "vitest";
import { describeSignal, parseSignal } from "../src/index.js";
import { FAMILY_CORPUS } from "../test/corpus/index.js";
import { CORPUS } from "../test/corpus/regression.js";
import { S3 } from "../test/samples.js";

/** Every message we have: the regression cases and the family corpus. */
const ALL = [...CORPUS, ...FAMILY_CORPUS];
const parsed = ALL.map((c) => parseSignal(c.text, c.context));
const longMessage = `${S3}\n${"Analysis: support holds, volume rising, funding flat. ".repeat(60)}`;

describe(`parse throughput (${ALL.length} corpus messages per iteration)`, () => {
  bench(
    "parseSignal × corpus",
    () => {
      for (const c of ALL) parseSignal(c.text, c.context);
    },
    { time: 3000 },
  );
  bench("describeSignal × corpus", () => {
    for (const p of parsed) describeSignal(p);
  });
});

describe("single messages", () => {
  bench("S3 labelled block", () => {
    parseSignal(S3);
  });
  bench("chatter note", () => {
    parseSignal("gm everyone, market looks bullish today");
  });
  bench(`long message (${longMessage.length} chars)`, () => {
    parseSignal(longMessage);
  });
});
