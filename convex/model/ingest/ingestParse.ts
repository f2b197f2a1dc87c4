import { PARSER_VERSION, parseSignal, signalPair } from "@g3/signals";
import type { Infer } from "convex/values";
import type { vParsedSignal } from "../../tables/signals";

export type ParsedSignal = Infer<typeof vParsedSignal>;

export type ParsedContent = {
  parsed: ParsedSignal;
  pair: string | undefined;
  side: ParsedSignal["side"];
  kind: ParsedSignal["kind"];
};

/**
 * Parses a message with @g3/signals (the single source of truth) and hoists the indexed fields.
 * Parsing never blocks ingest: if the parser throws, the message is stored as a `note` carrying
 * the error, and is delivered verbatim.
 */
export function parseContent(content: string, isReply: boolean): ParsedContent {
  const parsed = safeParse(content, isReply);
  return { parsed, ...hoistedFields(parsed) };
}

/** The indexed copies of a reading (pair, side, kind) for the feed's filters. */
export function hoistedFields(parsed: ParsedSignal): Omit<ParsedContent, "parsed"> {
  return { pair: signalPair(parsed), side: parsed.side, kind: parsed.kind };
}

function safeParse(content: string, isReply: boolean): ParsedSignal {
  try {
    return parseSignal(content, { isReply });
  } catch (error) {
    return {
      kind: "note",
      entries: [],
      targets: [],
      confidence: 0,
      errors: [`parser crashed: ${error instanceof Error ? error.message : String(error)}`],
      parserVersion: PARSER_VERSION,
    };
  }
}
