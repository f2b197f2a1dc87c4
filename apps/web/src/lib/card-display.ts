/** How far a card's levels can be trusted (convex/model/parsing/parseStatus.ts explains each). */
export type ParseStatus = "parser" | "low_confidence" | "corrected" | "edited_after_correction";

export type CardDisplay = {
  /** The raw text opens the card instead of hiding behind "Raw text". */
  leadWithText: boolean;
  /** Levels (or a follow-up's facts) are shown. Never for a shaky or conflicting reading. */
  showLevels: boolean;
  /** A marker telling the trader to read the message itself, and why. */
  checkMessage?: string;
  /** The levels are an admin's correction. */
  corrected: boolean;
};

/**
 * What a card shows first. A wrong number on a card is worse than no card: when the parse is
 * shaky, or the analyst edited the message after an admin corrected it, the card leads with the
 * analyst's own words and a "check the message" marker, and shows no levels. A note is text
 * anyway, so it leads with its text, without a marker.
 */
export function cardDisplay(card: { kind: string; parseStatus: ParseStatus }): CardDisplay {
  if (card.parseStatus === "low_confidence") {
    return {
      leadWithText: true,
      showLevels: false,
      checkMessage: "Check the message: its levels could not be read with confidence.",
      corrected: false,
    };
  }
  if (card.parseStatus === "edited_after_correction") {
    return {
      leadWithText: true,
      showLevels: false,
      checkMessage:
        "Check the message: the author edited it after an admin corrected its levels; under review.",
      corrected: false,
    };
  }
  const corrected = card.parseStatus === "corrected";
  if (card.kind === "note") return { leadWithText: true, showLevels: false, corrected };
  return { leadWithText: false, showLevels: true, corrected };
}
