export { parseSignal, MAX_INPUT_LENGTH } from "./parse.js";
export { signalPair } from "./pair.js";
export { describeSignal } from "./describe.js";
export { PARSER_VERSION } from "./version.js";
export { LOW_CONFIDENCE } from "./confidence.js";
export { ENTRY_TYPES, FOLLOW_UP_KINDS, MARGIN_MODES, SIDES, SIGNAL_KINDS } from "./kinds.js";
export type {
  EntryType,
  EntryZone,
  FollowUp,
  Leverage,
  MarginMode,
  Market,
  ParseContext,
  ParsedSignal,
  Side,
  SignalKind,
  SignalSymbol,
} from "./types.js";
