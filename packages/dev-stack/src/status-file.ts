import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { z } from "zod";
import type { ServiceStatus } from "./supervisor.js";

/** What `.local/status.json` holds: the supervisor's pid and every service's status. */
export type StackStatus = { supervisorPid: number; updatedAt: string; services: ServiceStatus[] };

const ZExit = z.object({
  code: z.number().nullable(),
  signal: z.string().nullable(),
  at: z.string(),
});
const ZStackStatus = z.object({
  supervisorPid: z.number(),
  updatedAt: z.string(),
  services: z.array(
    z.object({
      name: z.string(),
      state: z.string(),
      pid: z.number().nullable(),
      restarts: z.number(),
      startedAt: z.string().nullable(),
      lastExit: ZExit.nullable(),
      nextRestartAt: z.string().nullable(),
    }),
  ),
});

/** Writes the status through a temporary file and a rename, so a reader never sees half of it. */
export function writeStatusFile(path: string, services: ServiceStatus[]): void {
  const status: StackStatus = {
    supervisorPid: process.pid,
    updatedAt: new Date().toISOString(),
    services,
  };
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(status, null, 2)}\n`);
  renameSync(temporary, path);
}

/** Reads a status file; null when there is none. Throws when it is not one. */
export function readStatusFile(path: string): z.infer<typeof ZStackStatus> | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return null;
  }
  return ZStackStatus.parse(JSON.parse(text));
}

/** A table for the terminal: one service per line with state, pid, restarts and last exit. */
export function formatStatus(status: z.infer<typeof ZStackStatus>, alive: boolean): string {
  const rows = status.services.map((service) => {
    const exit =
      service.lastExit === null
        ? "—"
        : `${service.lastExit.signal ?? `code ${service.lastExit.code}`} at ${service.lastExit.at}`;
    return [
      service.name.padEnd(12),
      service.state.padEnd(9),
      String(service.pid ?? "—").padEnd(8),
      String(service.restarts).padEnd(9),
      exit,
    ].join(" ");
  });
  const header = alive
    ? `supervisor pid ${status.supervisorPid}, updated ${status.updatedAt}`
    : `supervisor pid ${status.supervisorPid} is not running; last status from ${status.updatedAt}`;
  return [
    header,
    `${"service".padEnd(12)} ${"state".padEnd(9)} ${"pid".padEnd(8)} ${"restarts".padEnd(9)} last exit`,
    ...rows,
  ].join("\n");
}
