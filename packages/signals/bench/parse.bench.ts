import { bench, describe } from "vitest";
import { describeSignal, parseSignal } from "../src/index.js";
import { CORPUS } from "../test/corpus.js";
import { S3 } from "../test/samples.js";

const parsed = CORPUS.map((c) => parseSignal(c.text, c.context));
const longMessage = `${S3}\n${"Analysis: support holds, volume rising, funding flat. ".repeat(60)}`;

describe(`parse throughput (${CORPUS.length} corpus messages per iteration)`, () => {
  bench(
    "parseSignal × corpus",
    () => {
      for (const c of CORPUS) parseSignal(c.text, c.context);
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
