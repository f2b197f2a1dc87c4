// Restores scheduled functions after a restart: pending jobs are re-armed (overdue ones fire
// at once); jobs that were running when the process stopped are marked failed, as their
// outcome is unknown.
import { type Engine } from "./engine/engine.js";
import { type ScheduledJobDoc } from "./engine/vendor/convexTest.js";
import { type Logger } from "./log.js";
import { type DocumentStore } from "./storage/documentStore.js";
import { storeTable } from "./storage/tableNamespace.js";

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
  // Each component schedules into its own `_scheduled_functions` table.
  const pending: { job: ScheduledJobDoc; componentPath: string }[] = [];
  const interrupted: { id: string; componentPath: string }[] = [];
  for (const componentPath of ["", ...engine.componentPaths]) {
    for (const doc of store.docs(storeTable(componentPath, "_scheduled_functions"))) {
      if (!isJob(doc)) continue;
      if (doc.state.kind === "pending") pending.push({ job: doc, componentPath });
      if (doc.state.kind === "inProgress" && afterCrash)
        interrupted.push({ id: doc._id, componentPath });
    }
  }
  if (interrupted.length > 0) {
    await engine.transact(() => {
      for (const { id, componentPath } of interrupted) {
        engine.database(componentPath).patch("_scheduled_functions", id, {
          state: { kind: "failed", error: "The backend stopped while this function was running." },
          completedTime: Date.now(),
        });
      }
    });
  }
  for (const { job, componentPath } of pending) engine.armScheduledJob(job, componentPath);
  if (pending.length + interrupted.length > 0) {
    logger.log("info", "scheduler.restored", {
      pending: pending.length,
      interrupted: interrupted.length,
    });
  }
  return pending.length;
}
