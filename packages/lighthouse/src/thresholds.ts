/**
 * What the issue asks of every audited page: performance ≥ 90, accessibility 100, best practices
 * ≥ 95, and SEO ≥ 95 on the public pages (the feed and the admin console are for signed-in
 * users and a crawler only ever sees their sign-in redirect).
 */

export type Category = "performance" | "accessibility" | "best-practices" | "seo";
export const CATEGORIES: readonly Category[] = [
  "performance",
  "accessibility",
  "best-practices",
  "seo",
];

export type PageName = "landing" | "pricing" | "signin" | "feed" | "admin";
export type Viewer = "visitor" | "customer" | "admin";

export type PageSpec = { name: PageName; path: string; viewer: Viewer; isPublic: boolean };

export const PAGES: readonly PageSpec[] = [
  { name: "landing", path: "/", viewer: "visitor", isPublic: true },
  { name: "pricing", path: "/pricing", viewer: "visitor", isPublic: true },
  { name: "signin", path: "/signin", viewer: "visitor", isPublic: true },
  { name: "feed", path: "/feed", viewer: "customer", isPublic: false },
  { name: "admin", path: "/admin", viewer: "admin", isPublic: false },
];

/** Minimum score per category (0–100); null = not required on this page. */
export function thresholdsFor(page: PageSpec): Record<Category, number | null> {
  return {
    performance: 90,
    accessibility: 100,
    "best-practices": 95,
    seo: page.isPublic ? 95 : null,
  };
}

/**
 * What CI holds the landing page and the feed to while the targets above are not met yet
 * (issue #17 stays open on performance): accessibility, best practices and SEO at the targets
 * (every run since the contrast fix: 100/100/100); performance at floors below the noise: since
 * the feed's first page is server-rendered and sign-in lost the Convex client the runs scored
 * landing 74–91 and feed 72–85 at load 2–9 (the first floors, landing 55 and feed 35, were set
 * when runs at load 7–25 scored 52–69 and 27–65; docs/performance.md "Lighthouse"); the feed,
 * audited with forty signals since, 80–84. A ratchet, not the goal: raise a floor when a page
 * gets better, never lower one to get green.
 */
export const CI_FLOORS: Partial<Record<PageName, Record<Category, number | null>>> = {
  landing: { performance: 65, accessibility: 100, "best-practices": 95, seo: 95 },
  feed: { performance: 55, accessibility: 100, "best-practices": 95, seo: null },
};

/** The categories of a page that scored below its CI floor, e.g. "feed: performance 31 < 35". */
export function belowFloor(result: PageScores): string[] {
  const floors = CI_FLOORS[result.page];
  if (floors === undefined) return [];
  return CATEGORIES.flatMap((category) => {
    const min = floors[category];
    const score = result.scores[category];
    return min !== null && score < min ? [`${result.page}: ${category} ${score} < ${min}`] : [];
  });
}

export type PageScores = {
  page: PageName;
  url: string;
  /** The machine's one-minute load average as the page was loaded. */
  loadAverage1m: number;
  /** Lighthouse's CPU sample just before this page's load (`environment.benchmarkIndex`). */
  benchmarkIndex: number;
  /** The scores of the median run (Lighthouse's computeMedianRun over the page's runs). */
  scores: Record<Category, number>;
  /** Every run's performance score, in run order (the median run is one of them). */
  performanceRuns: number[];
  /** Audits that scored below 1 in a category that missed its threshold (what to fix). */
  failingAudits: { category: Category; id: string; title: string; score: number | null }[];
};

/** The category misses of one page, e.g. "feed: accessibility 96 < 100". */
export function missesOf(spec: PageSpec, result: PageScores): string[] {
  const thresholds = thresholdsFor(spec);
  return CATEGORIES.flatMap((category) => {
    const min = thresholds[category];
    const score = result.scores[category];
    return min !== null && score < min ? [`${spec.name}: ${category} ${score} < ${min}`] : [];
  });
}
