import type { SeededRandom as Rng } from "@g3/seeded-random";
import {
  correctIdea,
  drawIdea,
  LAYOUTS,
  writeFollowUp,
  writeIdea,
  type Layout,
  type TradeIdea,
} from "./signal-writer.js";
import type { Quotes } from "./market-quotes.js";

/** An idea the feed posted and may follow up on, edit or delete. */
export type PostedIdea = { messageId: string; idea: TradeIdea; layout: Layout; edited: boolean };

export type FeedStep =
  | { kind: "signal"; content: string; idea: TradeIdea; layout: Layout; chart: boolean }
  | { kind: "follow-up"; content: string; replyTo: string }
  | { kind: "edit"; messageId: string; content: string; idea: TradeIdea }
  | { kind: "delete"; messageId: string };

/**
 * Chooses the next message: mostly new signals, sometimes a follow-up reply, occasionally a
 * correction (edit) of an unedited signal or the deletion of the latest one. New signals are
 * drawn around `quotes` (the market's prices) when given.
 */
export function planStep(rng: Rng, open: readonly PostedIdea[], quotes?: Quotes): FeedStep {
  const roll = rng.next();
  const latest = open[open.length - 1];
  if (latest === undefined || roll < 0.55) {
    const idea = drawIdea(rng, quotes);
    const layout = rng.pick(LAYOUTS);
    return {
      kind: "signal",
      content: writeIdea(idea, layout),
      idea,
      layout,
      chart: rng.chance(0.3),
    };
  }
  if (roll < 0.8) {
    const parent = rng.pick(open);
    return {
      kind: "follow-up",
      content: writeFollowUp(parent.idea, rng),
      replyTo: parent.messageId,
    };
  }
  const editable = open.filter((posted) => !posted.edited);
  const target = editable.length > 0 ? rng.pick(editable) : undefined;
  if (roll < 0.92 && target !== undefined) {
    const idea = correctIdea(target.idea);
    return {
      kind: "edit",
      messageId: target.messageId,
      content: writeIdea(idea, target.layout),
      idea,
    };
  }
  return { kind: "delete", messageId: latest.messageId };
}
