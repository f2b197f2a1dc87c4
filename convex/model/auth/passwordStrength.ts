import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEn from "@zxcvbn-ts/language-en";

/**
 * zxcvbn's scale: 3 means "safely unguessable: moderate protection from offline slow-hash
 * attacks" (about 10⁸–10¹⁰ guesses). Online guessing is throttled, so 3 is the floor we ask for.
 */
export const MIN_PASSWORD_SCORE = 3;

// Building the dictionaries takes a noticeable moment, so only the first check pays it, and
// only in functions that check a new password (not every query that shares this module graph).
let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
  });
  return factory;
}

/**
 * Why a new password is too easy to guess, in zxcvbn's words (its warning, then its first
 * suggestion), or null when it is strong enough. `userInputs` (the email and its parts) count as
 * known to an attacker.
 */
export function passwordWeakness(password: string, userInputs: string[]): string | null {
  const result = estimator().check(password, userInputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const parts = [result.feedback.warning, result.feedback.suggestions[0]].filter(
    (part): part is string => typeof part === "string" && part.length > 0,
  );
  const advice = parts.length > 0 ? parts.join(" ") : "Add more words that are less common.";
  return `This password is too easy to guess. ${advice}`;
}

/** The parts of an email an attacker would try first: the whole address and its local part. */
export function emailInputs(email: string): string[] {
  const local = email.split("@")[0] ?? "";
  return [email, local, ...local.split(/[._+-]+/)].filter((part) => part.length >= 3);
}
