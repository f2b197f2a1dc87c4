export { parseSignal, MAX_INPUT_LENGTH } from "./parse.js";
export { signalPair } from "./pair.js";
export { describeSignal } from "./describe.js";
export { PARSER_VERSION } from "./version.js";
export { LOW_CONFIDENCE } from "./confidence.js";
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
