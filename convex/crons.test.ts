import { describe, expect, test } from "vitest";
import crons from "./crons";

describe("crons", () => {
  test("expire lapsed entitlements every 5 minutes and retry failed webhooks every minute", () => {
    const jobs = crons.crons as Record<
      string,
      { name: string; schedule: { type: string; minutes?: number } }
    >;
    expect(jobs["expire lapsed entitlements"]).toMatchObject({
      name: "entitlements:expireLapsed",
      schedule: { type: "interval", minutes: 5 },
    });
    expect(jobs["retry failed webhook events"]).toMatchObject({
      name: "webhookEvents:retryDue",
      schedule: { type: "interval", minutes: 1 },
    });
    expect(jobs["prune webhook records"]).toMatchObject({
      name: "webhookRetention:prune",
      schedule: { type: "daily", hourUTC: 3, minuteUTC: 17 },
    });
    expect(jobs["prune latency samples"]).toMatchObject({
      name: "latency:prune",
      schedule: { type: "interval", minutes: 10 },
    });
  });
});
