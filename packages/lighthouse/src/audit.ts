// Lighthouse on one page, in headless Debian Chromium with the default mobile profile (Moto G
// Power-class screen, simulated slow 4G and 4× CPU slowdown — "simulate" throttling computes the
// metrics from a trace of an unthrottled load; the traced tasks still lengthen when other processes
// hold the cores, which is why each result keeps the load and Lighthouse's benchmarkIndex sample).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, type LaunchedChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import { computeMedianRun as lighthouseMedianRun } from "lighthouse/core/lib/median-run.js";
import { chromium } from "playwright-core";
import {
  CATEGORIES,
  thresholdsFor,
  type Category,
  type PageScores,
  type PageSpec,
  type Viewer,
} from "./thresholds.js";
import { loadNow } from "./report.js";
import { ADMIN_EMAIL, CUSTOMER_EMAIL, PASSWORD } from "./stack.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"];

async function launchChrome(): Promise<LaunchedChrome> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH.`,
    );
  }
  return launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
}

/**
 * Signs in through the real sign-in form in the browser Lighthouse will drive, so the session
 * cookies the Next.js auth proxy sets are there. Lighthouse's storage reset clears caches and
 * service workers but not cookies, so the audited load is cold yet signed in.
 */
async function signIn(port: number, webUrl: string, viewer: Viewer): Promise<void> {
  if (viewer === "visitor") return;
  const email = viewer === "admin" ? ADMIN_EMAIL : CUSTOMER_EMAIL;
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    if (context === undefined) throw new Error("Chromium has no default context");
    const page = await context.newPage();
    await page.goto(`${webUrl}/signin`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"), { timeout: 30_000 });
    await page.close();
  } finally {
    // Disconnects playwright only: Chromium (a connectOverCDP browser) and its cookies stay.
    await browser.close();
  }
}

function scoreOf(value: number | null | undefined): number {
  return Math.round((value ?? 0) * 100);
}

/** Lighthouse's own "please run again" failures (a trace without navigation start, …). */
class RetryableRunError extends Error {}
const ATTEMPTS = 3;

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];
type Run = { lhr: Result; loadAverage1m: number };
/** Lighthouse's median-run pick; its declaration names the result through a global namespace. */
const computeMedianRun = lighthouseMedianRun as (runs: Result[]) => Result;

/**
 * Audits `spec` on the running web app `runs` times, each in a browser of its own, and keeps the
 * median run — Lighthouse's own `computeMedianRun` (the run nearest the median first paint and
 * time to interactive), as its variability guide advises: on a shared 2-core machine one load
 * can score 78 and the next 93. The result lists every run's performance score beside the
 * median's. A run whose trace Lighthouse could not read (it happens on a loaded machine) is
 * repeated, up to three times; a page that loads but scores low is never retried.
 */
export async function auditPage(
  webUrl: string,
  spec: PageSpec,
  runs: number,
  reportDir?: string,
): Promise<PageScores> {
  const done: Run[] = [];
  for (let index = 0; index < runs; index++) done.push(await auditWithRetries(webUrl, spec));
  const median = computeMedianRun(done.map((run) => run.lhr));
  const kept = done.find((run) => run.lhr === median) ?? done[0];
  if (kept === undefined) throw new Error(`no Lighthouse run of ${spec.name}`);
  if (reportDir !== undefined) {
    // The whole report (every audit with its details: the long tasks, the unused bytes per
    // script, the elements failing contrast), for finding what costs; open it in the viewer.
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(join(reportDir, `${spec.name}.report.json`), JSON.stringify(kept.lhr));
  }
  return {
    ...scoresOf(spec, kept),
    performanceRuns: done.map((run) => scoreOf(run.lhr.categories.performance?.score)),
  };
}

async function auditWithRetries(webUrl: string, spec: PageSpec): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditOnce(webUrl, spec);
    } catch (error) {
      if (!(error instanceof RetryableRunError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

async function auditOnce(webUrl: string, spec: PageSpec): Promise<Run> {
  const chrome = await launchChrome();
  try {
    await signIn(chrome.port, webUrl, spec.viewer);
    const loadAverage1m = loadNow();
    const url = `${webUrl}${spec.path}`;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
    });
    if (result === undefined) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError !== undefined) {
      throw new RetryableRunError(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
    }
    const finalPath = new URL(lhr.finalDisplayedUrl).pathname;
    if (finalPath !== spec.path) {
      // A redirect (e.g. to /signin) would audit the wrong page and pass for the wrong reason.
      throw new Error(`${url} ended on ${finalPath}: the ${spec.viewer} could not open it`);
    }
    return { lhr, loadAverage1m };
  } finally {
    chrome.kill();
  }
}

/** One run's scores, with the audits to fix in the categories below their threshold. */
function scoresOf(
  spec: PageSpec,
  { lhr, loadAverage1m }: Run,
): Omit<PageScores, "performanceRuns"> {
  const scores = Object.fromEntries(
    CATEGORIES.map((category) => [category, scoreOf(lhr.categories[category]?.score)]),
  ) as Record<Category, number>;
  const thresholds = thresholdsFor(spec);
  const failingAudits = CATEGORIES.flatMap((category) => {
    const min = thresholds[category];
    if (min === null || scores[category] >= min) return [];
    return (lhr.categories[category]?.auditRefs ?? []).flatMap((ref) => {
      const audit = lhr.audits[ref.id];
      if (audit === undefined || ref.weight === 0) return [];
      if (audit.score === null || audit.score >= 0.9) return [];
      return [{ category, id: audit.id, title: audit.title, score: audit.score }];
    });
  });
  const { benchmarkIndex } = lhr.environment;
  return {
    page: spec.name,
    url: lhr.requestedUrl ?? lhr.finalDisplayedUrl,
    loadAverage1m,
    benchmarkIndex,
    scores,
    failingAudits,
  };
}
