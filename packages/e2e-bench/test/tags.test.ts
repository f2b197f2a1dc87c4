import { parseSignal } from "@g3/signals";
import { describe, expect, test } from "vitest";
import { signalText, tagOf } from "../src/tags.js";

describe("signal texts", () => {
  test("carry their tag, and parse as real signals", () => {
    const text = signalText("r1-0042", 42);
    expect(tagOf(text)).toBe("r1-0042");
    expect(tagOf("no tag here")).toBeNull();
    // The DOM's textContent runs the raw text into the next element's text.
    expect(tagOf(`${text}Posted by Analyst`)).toBe("r1-0042");
    const parsed = parseSignal(text, { isReply: false });
    expect(parsed.kind).toBe("signal");
    expect(parsed.side).toBe("long");
    expect(parsed.targets).toHaveLength(3);
    expect(parsed.stopLoss).toBeDefined();
  });
});
