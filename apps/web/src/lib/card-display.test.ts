import { describe, expect, test } from "vitest";
import { cardDisplay } from "./card-display";

describe("cardDisplay", () => {
  test("a shaky reading leads with the raw text and 'check the message', never levels", () => {
    for (const kind of ["signal", "target_hit", "move_stop"]) {
      const display = cardDisplay({ kind, parseStatus: "low_confidence" });
      expect(display).toMatchObject({ leadWithText: true, showLevels: false, corrected: false });
      expect(display.checkMessage).toMatch(/^Check the message/);
    }
  });

  test("an edit by the author after a correction hides the corrected levels until reviewed", () => {
    const display = cardDisplay({ kind: "signal", parseStatus: "edited_after_correction" });
    expect(display).toMatchObject({ leadWithText: true, showLevels: false });
    expect(display.checkMessage).toMatch(/edited it after an admin corrected/);
  });

  test("a confident or corrected reading shows its levels, a correction says so", () => {
    expect(cardDisplay({ kind: "signal", parseStatus: "parser" })).toEqual({
      leadWithText: false,
      showLevels: true,
      corrected: false,
    });
    expect(cardDisplay({ kind: "signal", parseStatus: "corrected" })).toEqual({
      leadWithText: false,
      showLevels: true,
      corrected: true,
    });
  });

  test("a note is its text: shown first, no levels, no marker", () => {
    expect(cardDisplay({ kind: "note", parseStatus: "parser" })).toEqual({
      leadWithText: true,
      showLevels: false,
      corrected: false,
    });
  });
});
