// Restores scheduled functions after a restart: pending jobs are re-armed (overdue ones fire
// at once); jobs that were running when the process stopped are marked failed, as their
// outcome is unknown.
import { type Engine } from "./engine/engine.js";
import { type ScheduledJobDoc } from "./engine/vendor/convexTest.js";
import { type Logger } from "./log.js";
import { type DocumentStore } from "./storage/documentStore.js";

function isJob(doc: unknown): doc is ScheduledJobDoc {
  const job = doc as Partial<ScheduledJobDoc>;
  return (
    typeof job.name === "string" && Array.isArray(job.args) && typeof job.scheduledTime === "number"
  );
}

/**
 * `afterCrash` is true at startup; on a code reload, jobs marked inProgress are still running
 * in the previous engine and are left alone.
 */
export async function restoreScheduledJobs(
  engine: Engine,
  store: DocumentStore,
  logger: Logger,
  afterCrash: boolean,
): Promise<number> {
  const pending: ScheduledJobDoc[] = [];
  const interrupted: string[] = [];
  for (const doc of store.docs("_scheduled_functions")) {
    if (!isJob(doc)) continue;
    if (doc.state.kind === "pending") pending.push(doc);
    if (doc.state.kind === "inProgress" && afterCrash) interrupted.push(doc._id);
  }
  if (interrupted.length > 0) {
    await engine.transact(() => {
      for (const id of interrupted) {
        engine.database().patch("_scheduled_functions", id, {
          state: { kind: "failed", error: "The backend stopped while this function was running." },
          completedTime: Date.now(),
        });
      }
    });
  }
  for (const job of pending) engine.armScheduledJob(job);
  if (pending.length + interrupted.length > 0) {
    logger.log("info", "scheduler.restored", {
      pending: pending.length,
      interrupted: interrupted.length,
    });
  }
  return pending.length;
}
