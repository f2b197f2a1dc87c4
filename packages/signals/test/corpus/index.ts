import { AMBIGUOUS, BREAKOUT, LABELLED_BLOCK, SIDE_PHRASES } from "./blocks.js";
import { CORNIX_BLOCK } from "./cornix-block.js";
import {
  FU_ALL_TARGETS,
  FU_CANCEL,
  FU_CLOSE,
  FU_ENTRY_FILLED,
  FU_MOVE_STOP,
  FU_PARTIAL,
  FU_STOP_HIT,
  FU_TARGET_HIT,
} from "./follow-ups.js";
import { FRESH } from "./fresh.js";
import { HELD_OUT } from "./held-out.js";
import {
  BARE_TARGET_LINES,
  BASE_ONLY,
  COMMAND_STYLE,
  CORNIX_SPOT,
  ENTRY_LINES,
  FU_MIXED,
  K_SUFFIX,
  TRAP_TUTORIAL,
} from "./more-layouts.js";
import {
  CIRCLED_DIGITS,
  NUMBERED_DOT,
  NUMBERED_HASH,
  NUMBERED_PAREN,
  TARGET_ALLOCATIONS,
} from "./numbered-lists.js";
import {
  CMP_DCA,
  DECIMAL_COMMA,
  DIGIT_SYMBOLS,
  LOWERCASE,
  PERCENT_TARGETS,
  SATS,
  THOUSANDS,
  TINY_PRICES,
} from "./numbers.js";
import { CHART_LINKS, EMOJI_SIDES, MARKDOWN } from "./presentation.js";
import {
  EMOJI_KEYS,
  INLINE_ONE_LINER,
  PIPE_ONE_LINER,
  TERM_GROUPS,
  TP_PER_LINE,
} from "./target-layouts.js";
import { LEVERAGE_RANGE, MARGIN_MODE, MARKET_TAGS } from "./trade-settings.js";
import { TRAP_COMMENTARY, TRAP_RECAP, TRAP_RISK, TRAP_SCAM, TRAP_TEASER } from "./traps.js";
import { type CorpusMessage } from "./types.js";

/** Messages written while the parser was changed for issue #14, grouped by family. */
export const DEVELOPMENT: CorpusMessage[] = [
  ...CORNIX_BLOCK,
  ...CORNIX_SPOT,
  ...LABELLED_BLOCK,
  ...NUMBERED_PAREN,
  ...NUMBERED_DOT,
  ...NUMBERED_HASH,
  ...CIRCLED_DIGITS,
  ...TARGET_ALLOCATIONS,
  ...TERM_GROUPS,
  ...EMOJI_KEYS,
  ...TP_PER_LINE,
  ...BARE_TARGET_LINES,
  ...ENTRY_LINES,
  ...PIPE_ONE_LINER,
  ...INLINE_ONE_LINER,
  ...COMMAND_STYLE,
  ...CMP_DCA,
  ...DECIMAL_COMMA,
  ...THOUSANDS,
  ...K_SUFFIX,
  ...SATS,
  ...LOWERCASE,
  ...DIGIT_SYMBOLS,
  ...TINY_PRICES,
  ...PERCENT_TARGETS,
  ...BASE_ONLY,
  ...LEVERAGE_RANGE,
  ...MARGIN_MODE,
  ...MARKET_TAGS,
  ...MARKDOWN,
  ...CHART_LINKS,
  ...EMOJI_SIDES,
  ...BREAKOUT,
  ...SIDE_PHRASES,
  ...AMBIGUOUS,
  ...FU_TARGET_HIT,
  ...FU_ALL_TARGETS,
  ...FU_ENTRY_FILLED,
  ...FU_STOP_HIT,
  ...FU_CANCEL,
  ...FU_CLOSE,
  ...FU_PARTIAL,
  ...FU_MOVE_STOP,
  ...FU_MIXED,
  ...TRAP_SCAM,
  ...TRAP_RECAP,
  ...TRAP_RISK,
  ...TRAP_TEASER,
  ...TRAP_COMMENTARY,
  ...TRAP_TUTORIAL,
];

/** The whole family corpus: the two unseen parts first, then the development part. */
export const FAMILY_CORPUS: CorpusMessage[] = [...HELD_OUT, ...FRESH, ...DEVELOPMENT];

export { FRESH, HELD_OUT };
