import type { ControlClient } from "@g3/discord-emulator";
import { renderChartPng } from "./chart.js";
import type { Logger } from "./logger.js";
import { readQuotes, type Quotes } from "./market-quotes.js";
import { planStep, type FeedStep, type PostedIdea } from "./planner.js";
import type { SeededRandom as Rng } from "@g3/seeded-random";

export type FeedOptions = {
  control: Pick<ControlClient, "postMessage" | "editMessage" | "deleteMessage">;
  channelId: string;
  authorId: string;
  intervalMs: number;
  /** Steps to run; 0 = until stopped. */
  count: number;
  rng: Rng;
  logger: Logger;
  signal: AbortSignal;
  /**
   * A Binance-compatible REST base URL (locally the market emulator): new signals are drawn
   * around its current prices, read before each step. Without it, around fixed reference prices.
   */
  marketUrl?: string;
};

export type FeedResult = { steps: number; failures: number };

/** Ideas kept for follow-ups; older ones are forgotten. */
const OPEN_LIMIT = 8;

/** Posts one synthetic step every interval until `count` steps ran or the signal aborts. */
export async function runFeed(options: FeedOptions): Promise<FeedResult> {
  const open: PostedIdea[] = [];
  let steps = 0;
  let failures = 0;
  while (!options.signal.aborted && (options.count === 0 || steps < options.count)) {
    const quotes: Quotes | undefined =
      options.marketUrl === undefined ? undefined : await readQuotes(options.marketUrl);
    const step = planStep(options.rng, open, quotes);
    try {
      await execute(step, open, options);
    } catch (error) {
      failures++;
      options.logger.error(
        {
          event: "feed.step_failed",
          kind: step.kind,
          err: error instanceof Error ? error.message : String(error),
        },
        "step failed; continuing",
      );
    }
    steps++;
    if (options.count !== 0 && steps >= options.count) break;
    await sleep(options.intervalMs, options.signal);
  }
  return { steps, failures };
}

async function execute(step: FeedStep, open: PostedIdea[], options: FeedOptions): Promise<void> {
  const { control, channelId, authorId, logger } = options;
  switch (step.kind) {
    case "signal": {
      const attachments = step.chart
        ? [
            {
              filename: `${step.idea.instrument.base.toLowerCase()}-chart.png`,
              dataBase64: chartOf(step).toString("base64"),
            },
          ]
        : [];
      const posted = await control.postMessage(channelId, {
        authorId,
        content: step.content,
        attachments,
      });
      open.push({ messageId: posted.id, idea: step.idea, layout: step.layout, edited: false });
      if (open.length > OPEN_LIMIT) open.shift();
      logger.info(
        {
          event: "feed.signal",
          messageId: posted.id,
          layout: step.layout,
          pair: `${step.idea.instrument.base}/${step.idea.instrument.quote}`,
          side: step.idea.side,
          chart: step.chart,
        },
        "posted a signal",
      );
      return;
    }
    case "follow-up": {
      const posted = await control.postMessage(channelId, {
        authorId,
        content: step.content,
        replyTo: step.replyTo,
      });
      logger.info(
        { event: "feed.follow_up", messageId: posted.id, replyTo: step.replyTo },
        "posted a follow-up",
      );
      return;
    }
    case "edit": {
      await control.editMessage(channelId, step.messageId, { content: step.content });
      const posted = open.find((idea) => idea.messageId === step.messageId);
      if (posted !== undefined) Object.assign(posted, { idea: step.idea, edited: true });
      logger.info({ event: "feed.edit", messageId: step.messageId }, "edited a signal");
      return;
    }
    case "delete": {
      await control.deleteMessage(channelId, step.messageId);
      const index = open.findIndex((idea) => idea.messageId === step.messageId);
      if (index >= 0) open.splice(index, 1);
      logger.info({ event: "feed.delete", messageId: step.messageId }, "deleted a message");
      return;
    }
  }
}

function chartOf(step: Extract<FeedStep, { kind: "signal" }>): Buffer {
  const { entries, targets, stop } = step.idea;
  return renderChartPng([stop, ...entries, ...targets]);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
