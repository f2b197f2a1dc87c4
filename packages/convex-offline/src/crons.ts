// Drives convex/crons.ts: every schedule cronJobs() can declare (interval, hourly, daily,
// weekly, monthly, cron strings; times in UTC). A run is skipped while the previous one of
// the same job is still going, as Convex does.
import { Cron } from "croner";
import { type JSONValue, type Value, jsonToConvex } from "convex/values";
import { z } from "zod";
import { outsideFunctions } from "./engine/context.js";
import { type Engine } from "./engine/engine.js";
import { type Logger, errorMessage } from "./log.js";

const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const scheduleSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("interval"),
    seconds: z.number().optional(),
    minutes: z.number().optional(),
    hours: z.number().optional(),
  }),
  z.object({ type: z.literal("hourly"), minuteUTC: z.number().optional() }),
  z.object({ type: z.literal("daily"), hourUTC: z.number(), minuteUTC: z.number().optional() }),
  z.object({
    type: z.literal("weekly"),
    dayOfWeek: z.string(),
    hourUTC: z.number(),
    minuteUTC: z.number().optional(),
  }),
  z.object({
    type: z.literal("monthly"),
    day: z.number(),
    hourUTC: z.number(),
    minuteUTC: z.number().optional(),
  }),
  z.object({ type: z.literal("cron"), cron: z.string() }),
]);
export type CronSchedule = z.infer<typeof scheduleSchema>;
const cronSpec = z.object({
  name: z.string(),
  args: z.array(z.custom<JSONValue>(() => true)),
  schedule: scheduleSchema,
});

/** The cron expression (UTC) for a calendar schedule, or the period in ms for an interval. */
export function describeSchedule(schedule: CronSchedule): { cron: string } | { everyMs: number } {
  switch (schedule.type) {
    case "interval": {
      const seconds =
        (schedule.seconds ?? 0) + (schedule.minutes ?? 0) * 60 + (schedule.hours ?? 0) * 3600;
      return { everyMs: seconds * 1000 };
    }
    case "hourly":
      return { cron: `${schedule.minuteUTC ?? 0} * * * *` };
    case "daily":
      return { cron: `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} * * *` };
    case "weekly":
      return {
        cron: `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} * * ${DAYS.indexOf(schedule.dayOfWeek.toLowerCase())}`,
      };
    case "monthly":
      return { cron: `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} ${schedule.day} * *` };
    case "cron":
      return { cron: schedule.cron };
  }
}

export class CronDriver {
  private readonly stops: (() => void)[] = [];
  private readonly running = new Set<string>();

  constructor(
    private readonly engine: () => Engine,
    private readonly logger: Logger,
  ) {}

  /**
   * Starts the jobs of the app's crons.ts (no-op without one). Returns the job names. A job that
   * cannot be scheduled fails the start, as it fails a push to Convex: never silently dropped.
   * (The engine has already checked that the default export is a Crons object.)
   */
  async start(): Promise<string[]> {
    const engine = this.engine();
    if (!engine.hasModule("crons")) return [];
    const module = await engine.importModule("crons");
    const crons = (module.default as { crons: Record<string, unknown> }).crons;
    const names: string[] = [];
    for (const [identifier, raw] of Object.entries(crons)) {
      const parsed = cronSpec.safeParse(raw);
      if (!parsed.success) {
        this.stop();
        throw new Error(`Invalid cron job "${identifier}": ${parsed.error.message}`);
      }
      const spec = parsed.data;
      const fire = () =>
        outsideFunctions(() => void this.fire(identifier, spec.name, spec.args[0] ?? {}));
      const plan = describeSchedule(spec.schedule);
      if ("everyMs" in plan) {
        const timer = setInterval(fire, Math.max(1, plan.everyMs));
        this.stops.push(() => clearInterval(timer));
      } else {
        try {
          const job = new Cron(plan.cron, { timezone: "UTC" }, fire);
          this.stops.push(() => job.stop());
        } catch (error) {
          this.stop();
          throw new Error(
            `Invalid cron job "${identifier}" (schedule "${plan.cron}"): ${errorMessage(error)}`,
            { cause: error },
          );
        }
      }
      names.push(identifier);
    }
    this.logger.log("info", "cron.started", { jobs: names });
    return names;
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private async fire(identifier: string, udfPath: string, args: JSONValue): Promise<void> {
    if (this.running.has(identifier)) {
      this.logger.log("warn", "cron.skipped", {
        cron: identifier,
        reason: "previous run still in progress",
      });
      return;
    }
    this.running.add(identifier);
    try {
      const engine = this.engine();
      const resolved = await engine.resolve(udfPath);
      const value = jsonToConvex(args) as Record<string, Value>;
      if (resolved.kind === "mutation") await engine.runMutation(resolved.udfPath, value, null);
      else if (resolved.kind === "action") await engine.runAction(resolved.udfPath, value, null);
      else throw new Error(`cron target ${udfPath} is a query; crons run mutations or actions`);
      this.logger.log("debug", "cron.ran", { cron: identifier, udfPath });
    } catch (error) {
      this.logger.log("error", "cron.failed", {
        cron: identifier,
        udfPath,
        error: errorMessage(error),
      });
    } finally {
      this.running.delete(identifier);
    }
  }
}
