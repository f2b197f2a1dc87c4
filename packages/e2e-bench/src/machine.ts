import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";

export type Machine = {
  nproc: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  loadAverage: number[];
  date: string;
};

/** What the numbers were measured on (the report's header and the JSON). */
export function describeMachine(): Machine {
  let cpuModel = cpus()[0]?.model ?? "unknown";
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (match?.[1] !== undefined) cpuModel = match[1].trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  return {
    nproc: cpus().length,
    cpuModel,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
    date: new Date().toISOString(),
  };
}
