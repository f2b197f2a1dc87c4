import { expect, test } from "vitest";
import { markdownOf } from "../src/report.js";
import { runAudits } from "../src/run.js";

// The CI smoke: Lighthouse once on the landing page (public) and once on the feed (a paying
// customer, signed in through the form); fails when any category is below its threshold
// (src/thresholds.ts), naming the audits to fix. `pnpm lighthouse` audits all five pages.
test("the landing page and the feed meet the Lighthouse thresholds", async () => {
  const report = await runAudits(["landing", "feed"], (line) =>
    process.stderr.write(`[lighthouse] ${line}\n`),
  );
  process.stderr.write(markdownOf(report));
  expect(report.pages.map((page) => page.page)).toEqual(["landing", "feed"]);
  const toFix = report.pages.flatMap((page) =>
    page.failingAudits.map((audit) => `${page.page} · ${audit.category} · ${audit.id}`),
  );
  expect({ misses: report.misses, toFix }).toEqual({ misses: [], toFix: [] });
});
