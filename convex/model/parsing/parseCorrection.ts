import type { ParsedSignal } from "../ingest/ingestParse";
import type { ValidCorrection } from "./parseCorrectionInput";

/**
 * The reading an admin's correction makes of a signal: the corrected fields replace the parser's,
 * what the form does not edit (market, exchange, a stated PnL) is kept, and follow-up details
 * only while the kind is unchanged (a "TP2 reached" means nothing once the kind is a stop hit).
 * An admin vouches for it, so it carries full confidence and no parser errors.
 */
export function correctedReading(machine: ParsedSignal, fields: ValidCorrection): ParsedSignal {
  const entryType = fields.entryType ?? defaultEntryType(fields);
  const sameKind = machine.kind === fields.kind;
  return {
    kind: fields.kind,
    ...(fields.base === undefined
      ? {}
      : {
          symbol: {
            raw: fields.quote === undefined ? fields.base : `${fields.base}/${fields.quote}`,
            base: fields.base,
            ...(fields.quote === undefined ? {} : { quote: fields.quote }),
          },
        }),
    ...(fields.side === undefined ? {} : { side: fields.side }),
    ...(machine.market === undefined ? {} : { market: machine.market }),
    ...(machine.exchange === undefined ? {} : { exchange: machine.exchange }),
    ...(entryType === undefined ? {} : { entryType }),
    entries: fields.entries,
    ...(entryType === "zone"
      ? { entryZone: { low: Math.min(...fields.entries), high: Math.max(...fields.entries) } }
      : {}),
    targets: fields.targets,
    ...(fields.stopLoss === undefined ? {} : { stopLoss: fields.stopLoss }),
    ...(fields.leverage === undefined
      ? {}
      : {
          leverage: {
            value: fields.leverage,
            ...(fields.marginMode === undefined ? {} : { mode: fields.marginMode }),
          },
        }),
    ...(sameKind && machine.followUp !== undefined ? { followUp: machine.followUp } : {}),
    ...(sameKind && machine.statedPnlPct !== undefined
      ? { statedPnlPct: machine.statedPnlPct }
      : {}),
    confidence: 1,
    errors: [],
    parserVersion: machine.parserVersion,
  };
}

function defaultEntryType(fields: ValidCorrection): ParsedSignal["entryType"] {
  if (fields.kind !== "signal") return undefined;
  return fields.entries.length === 0 ? "market" : "limit";
}
