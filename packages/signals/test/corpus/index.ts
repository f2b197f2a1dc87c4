import { HELD_OUT } from "./held-out.js";
import { type CorpusMessage } from "./types.js";

/** Messages written while the parser was changed for issue #14, grouped by family. */
export const DEVELOPMENT: CorpusMessage[] = [];

/** The whole family corpus: the held-out part first, then the development part. */
export const FAMILY_CORPUS: CorpusMessage[] = [...HELD_OUT, ...DEVELOPMENT];

export { HELD_OUT };
