/**
 * How often a dashboard reports a new signal's delivery latency (`feed.reportSeen`). Every report
 * is a mutation, so a fixed rate makes the server's work per signal grow with the audience (a
 * quarter of a thousand viewers is 250 mutations for a sample of 20). Each dashboard adapts on
 * its own instead: it cuts its rate to a quarter when the server answers that the signal already
 * had its samples, and creeps back up while reports are still wanted. With N viewers the reports
 * per signal settle near the server's cap whatever N is; a small audience keeps the full rate.
 */

/** The rate a dashboard starts at, and never exceeds. */
export const MAX_SAMPLE_RATE = 0.25;
/** The floor: even a huge audience keeps some dashboards reporting. */
export const MIN_SAMPLE_RATE = 1 / 4096;
/** What a dashboard keeps of its rate when the signal it reports already had its samples. */
const BACK_OFF = 0.25;
/** How fast a dashboard whose reports are taken raises its rate again. */
const RECOVERY = 1.1;

export type ReportAnswer = { readonly recorded: boolean; readonly full: boolean };

/** The rate after the server's answer to one report. */
export function nextSampleRate(rate: number, answer: ReportAnswer): number {
  if (!answer.recorded && answer.full) return Math.max(MIN_SAMPLE_RATE, rate * BACK_OFF);
  if (answer.recorded && !answer.full) return Math.min(MAX_SAMPLE_RATE, rate * RECOVERY);
  return rate;
}
