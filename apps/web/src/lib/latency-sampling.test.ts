import { describe, expect, test } from "vitest";
import {
  MAX_SAMPLE_RATE,
  MIN_SAMPLE_RATE,
  nextSampleRate,
  type ReportAnswer,
} from "./latency-sampling";

/** The server's rule (convex/feed.ts reportSeen): the first `cap` reports of a signal are kept. */
function serve(cap: number) {
  let taken = 0;
  return (): ReportAnswer => {
    if (taken >= cap) return { recorded: false, full: true };
    taken += 1;
    return { recorded: true, full: taken >= cap };
  };
}

/** A small deterministic generator, so the simulation is the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** `viewers` dashboards see `signals` signals; returns the reports sent for each signal. */
function simulate(viewers: number, signals: number, cap: number): number[] {
  const rates = Array.from({ length: viewers }, () => MAX_SAMPLE_RATE);
  const next = random(viewers);
  const sent: number[] = [];
  for (let s = 0; s < signals; s++) {
    const answer = serve(cap);
    let reports = 0;
    // Dashboards get the signal in no particular order: start the round at a random viewer.
    const first = Math.floor(next() * viewers);
    for (let k = 0; k < viewers; k++) {
      const v = (first + k) % viewers;
      const rate = rates[v] ?? MAX_SAMPLE_RATE;
      if (next() >= rate) continue;
      reports += 1;
      rates[v] = nextSampleRate(rate, answer());
    }
    sent.push(reports);
  }
  return sent;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe("nextSampleRate", () => {
  test("backs off on a full signal, recovers while reports are taken, within its bounds", () => {
    expect(nextSampleRate(0.2, { recorded: false, full: true })).toBe(0.05);
    expect(nextSampleRate(MIN_SAMPLE_RATE, { recorded: false, full: true })).toBe(MIN_SAMPLE_RATE);
    expect(nextSampleRate(0.1, { recorded: true, full: false })).toBeCloseTo(0.11);
    expect(nextSampleRate(MAX_SAMPLE_RATE, { recorded: true, full: false })).toBe(MAX_SAMPLE_RATE);
    // Refused for another reason (no access, an old or edited signal): nothing to learn.
    expect(nextSampleRate(0.2, { recorded: false, full: false })).toBe(0.2);
    expect(nextSampleRate(0.2, { recorded: true, full: true })).toBe(0.2);
  });

  test("reports per signal stay near the server's cap whatever the audience", () => {
    const cap = 20;
    for (const viewers of [1_000, 10_000]) {
      const settled = simulate(viewers, 300, cap).slice(200);
      // A fixed quarter would send 250 and 2,500 reports for every signal.
      expect(mean(settled)).toBeLessThan(3 * cap);
      expect(mean(settled)).toBeGreaterThan(cap / 2);
    }
  });

  test("a small audience keeps reporting at the full rate", () => {
    const sent = simulate(8, 400, 20);
    expect(mean(sent)).toBeCloseTo(8 * MAX_SAMPLE_RATE, 0);
  });
});
