import { describe, expect, test } from "vitest";
import { markdownOf, type Report } from "../src/report.js";
import type { PageScores } from "../src/thresholds.js";

function page(overrides: Partial<PageScores>): PageScores {
  return {
    page: "landing",
    url: "http://127.0.0.1:3000/",
    loadAverage1m: 1.5,
    benchmarkIndex: 1912.4,
    scores: { performance: 93, accessibility: 100, "best-practices": 100, seo: 100 },
    failingAudits: [],
    performanceRuns: [88, 93, 95],
    ...overrides,
  };
}

function report(pages: PageScores[]): Report {
  return {
    at: "2026-12-05T17:00:00.000Z",
    runsPerPage: 3,
    commit: "abc1234",
    machine: { cpus: 2, model: "AMD EPYC", loadAverage1m: 1.5 },
    pages,
    misses: [],
  };
}

describe("markdownOf", () => {
  test("records the commit, each page's load and benchmarkIndex beside its scores", () => {
    const table = markdownOf(report([page({})]));
    expect(table).toContain("commit abc1234");
    expect(table).toContain("| Page | load | benchmarkIndex | performance |");
    expect(table).toContain("| landing | 1.5 | 1912 | 93 | 100 | 100 | 100 | 88, 93, 95 |");
    expect(table).toContain("benchmarkIndex median 1912.");
  });

  test("says how many runs each page had and that the scores are the median run's", () => {
    const table = markdownOf(report([page({})]));
    expect(table).toContain("3 run(s) per page, the median run's scores");
    expect(table).toContain("| performance of each run |");
  });

  test("marks a sample at or under Lighthouse's slow-CPU line and says how many", () => {
    const table = markdownOf(
      report([page({}), page({ page: "pricing", benchmarkIndex: 364, loadAverage1m: 12 })]),
    );
    expect(table).toContain("| pricing | 12 | 364 (slow) | 93 |");
    expect(table).toContain("| landing | 1.5 | 1912 | 93 |");
    expect(table).toContain("1 of 2 samples at or under 1000");
  });
});
