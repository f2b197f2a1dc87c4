#!/usr/bin/env node
// Sums vitest's "Tests  N passed | M failed (T)" lines from a turbo run log (stdin) into one
// closing line: "tests: N passed, M failed" (", K skipped" when any were skipped).
import { createInterface } from "node:readline";

const totals = { passed: 0, failed: 0, skipped: 0 };
const strip = (line) => line.replace(/\u001b\[[0-9;]*m/g, "");

for await (const raw of createInterface({ input: process.stdin })) {
  const line = strip(raw);
  if (!/\bTests\s{2,}/.test(line)) continue;
  for (const kind of Object.keys(totals)) {
    const match = new RegExp(`(\\d+) ${kind}`).exec(line);
    if (match) totals[kind] += Number(match[1]);
  }
}
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
