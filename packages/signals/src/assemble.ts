import { type Levels } from "./levels.js";
import { type Reading } from "./read.js";
import { type FollowUp, type ParsedSignal, type Side, type SignalKind } from "./types.js";
import { PARSER_VERSION } from "./version.js";

/** Builds the output; optional fields are set only when known (never undefined-valued). */
export function assemble(fields: {
  kind: SignalKind;
  reading: Reading;
  side?: Side;
  sideInferred?: boolean;
  levels: Levels;
  followUp?: FollowUp;
  statedPnlPct?: number;
  confidence: number;
  errors: string[];
}): ParsedSignal {
  const { reading, levels } = fields;
  const out: ParsedSignal = {
    kind: fields.kind,
    entries: levels.entries,
    targets: levels.targets,
    confidence: fields.confidence,
    errors: fields.errors,
    parserVersion: PARSER_VERSION,
  };
  if (reading.symbol) out.symbol = reading.symbol.symbol;
  if (fields.side) {
    out.side = fields.side;
    out.sideInferred = fields.sideInferred ?? false;
  }
  if (reading.market) out.market = reading.market;
  if (reading.exchange) out.exchange = reading.exchange;
  if (levels.entryType) out.entryType = levels.entryType;
  if (levels.entryZone) out.entryZone = levels.entryZone;
  if (levels.stopLoss !== undefined) out.stopLoss = levels.stopLoss;
  if (reading.leverage) out.leverage = reading.leverage;
  if (fields.followUp && Object.keys(fields.followUp).length > 0) out.followUp = fields.followUp;
  if (fields.statedPnlPct !== undefined) out.statedPnlPct = fields.statedPnlPct;
  return out;
}
