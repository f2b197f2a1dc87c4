/**
 * Messages that contain a signal's words without being one: a scam warning quoting a fake
 * signal, a tutorial's example, a trading rule. Each is kept as a note so no card shows levels.
 */

/** Warnings about scams and impersonators, which often quote the fake signal in full. */
const WARNING =
  /\b(?:scam(?:s|mers?)?|phishing|impersonat\w*|fake\s+(?:signals?|accounts?|calls?|channels?|admins?|mods?|groups?|profiles?)|(?:is|are)\s+fake|not\s+from\s+us|did\s+not\s+(?:post|send)|never\s+(?:dm|send)\b)/i;

/** Tutorials and templates showing what a signal looks like. */
const EXAMPLE = /\b(?:for\s+example|example|e\.g\.|template|how\s+to\s+read|format\s+guide)\b/i;

/** Trading rules and reminders: "always set your stop", "move your stop to entry once TP1 …". */
const ADVICE =
  /\b(?:always|never|remember|reminder|don'?t\s+forget|rules?|tips?|every\s+trade|risk\s+management)\b/i;

/** Why a message with signal words is not a signal, or undefined when nothing says so. */
export function quotedSignalReason(text: string): string | undefined {
  if (WARNING.test(text)) return "reads as a scam warning: a quoted signal is not ours";
  if (EXAMPLE.test(text)) return "reads as an example or template, not a signal";
  return undefined;
}

/** A general rule ("always set your stop loss"), not an update to one trade. */
export function isAdvice(text: string): boolean {
  return ADVICE.test(text);
}
