import { Cron } from "croner";
import { describe, expect, it } from "vitest";
import { describeSchedule } from "../src/crons.js";

const next = (cron: string, from: string) =>
  new Cron(cron, { timezone: "UTC" }).nextRun(new Date(from))?.toISOString();

describe("cron schedules", () => {
  it("turns every cronJobs() kind into the right next run (UTC)", () => {
    expect(describeSchedule({ type: "interval", minutes: 5 })).toEqual({ everyMs: 300_000 });
    expect(describeSchedule({ type: "interval", hours: 2 })).toEqual({ everyMs: 7_200_000 });
    const plans = {
      hourly: describeSchedule({ type: "hourly", minuteUTC: 15 }),
      daily: describeSchedule({ type: "daily", hourUTC: 17, minuteUTC: 30 }),
      weekly: describeSchedule({ type: "weekly", dayOfWeek: "tuesday", hourUTC: 9, minuteUTC: 0 }),
      monthly: describeSchedule({ type: "monthly", day: 1, hourUTC: 0, minuteUTC: 5 }),
      cron: describeSchedule({ type: "cron", cron: "*/10 * * * *" }),
    };
    const from = "2026-11-26T10:20:00.000Z"; // a Thursday
    const cronOf = (plan: ReturnType<typeof describeSchedule>) => ("cron" in plan ? plan.cron : "");
    expect(next(cronOf(plans.hourly), from)).toBe("2026-11-26T11:15:00.000Z");
    expect(next(cronOf(plans.daily), from)).toBe("2026-11-26T17:30:00.000Z");
    expect(next(cronOf(plans.weekly), from)).toBe("2026-12-01T09:00:00.000Z");
    expect(next(cronOf(plans.monthly), from)).toBe("2026-12-01T00:05:00.000Z");
    expect(next(cronOf(plans.cron), from)).toBe("2026-11-26T10:30:00.000Z");
  });
});
