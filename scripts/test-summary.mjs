#!/usr/bin/env node
// Sums vitest's "Tests  N passed | M failed (T)" lines from a turbo run log (stdin) into one
// closing line: "tests: N passed, M failed" (", K skipped" when any were skipped).
// Above it, every failed test with the first lines of its error, so the end of a long CI log
// (often all that is kept) says what failed and why.
import { createInterface } from "node:readline";

const totals = { passed: 0, failed: 0, skipped: 0 };
const strip = (line) => line.replace(/\u001b\[[0-9;]*m/g, "");
// turbo prefixes each line with "<package>:<task>: ".
const unprefix = (line) => line.replace(/^\S+:\S+: /, "");
const ERROR_LINES = 12;
const MAX_FAILURES = 20;

const failures = [];
let current;
for await (const raw of createInterface({ input: process.stdin })) {
  const line = strip(raw);
  const prefix = /^(\S+):\S+: /.exec(line)?.[1] ?? "";
  const text = unprefix(line);
  // vitest's failure report: " FAIL  <file> > <suite> > <test>" followed by the error.
  const fail = /^\s*FAIL\s+(?:[a-z][\w-]*\s+)?(\S+\.(?:test|e2e|spec)\.\S+.*)$/.exec(text);
  if (fail) {
    current = { name: `${prefix} ${fail[1]}`.trim(), lines: [] };
    failures.push(current);
  } else if (current !== undefined) {
    if (/⎯{3,}/.test(text) || /^\s*(Test Files|Tests)\s{2,}/.test(text)) current = undefined;
    else if (text.trim() !== "" && current.lines.length < ERROR_LINES) current.lines.push(text);
  }
  if (!/\bTests\s{2,}/.test(line)) continue;
  for (const kind of Object.keys(totals)) {
    const match = new RegExp(`(\\d+) ${kind}`).exec(line);
    if (match) totals[kind] += Number(match[1]);
  }
}
if (failures.length > 0) {
  console.log(`\nfailed tests (${failures.length}):`);
  for (const failure of failures.slice(0, MAX_FAILURES)) {
    console.log(`\n✗ ${failure.name}`);
    for (const line of failure.lines) console.log(`    ${line}`);
  }
  if (failures.length > MAX_FAILURES) console.log(`\n… and ${failures.length - MAX_FAILURES} more`);
}
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
