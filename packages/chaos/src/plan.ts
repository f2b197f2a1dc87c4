import { seededRandom, type SeededRandom as Random } from "@g3/seeded-random";

/**
 * The whole run decided up front from the seed: what the workload does when, and which fault hits
 * when. Targets (which message to edit, which customer pays) are fractions resolved against the
 * live state at execution time, so the same seed replays the same workload and fault schedule.
 */
export type WorkloadKind =
  | "post"
  | "reply"
  | "attachment"
  | "edit_new"
  | "edit_old"
  | "delete"
  | "bulk_delete"
  | "pay_order"
  | "subscribe"
  | "renew"
  | "cancel"
  | "dispute"
  | "refund"
  | "redeliver"
  | "link"
  | "unlink";

/** Every fault kind, in the order reports list them (bots and backend first, then Discord). */
export const FAULT_KINDS = [
  "kill_bot",
  "kill_backend",
  "partition",
  "gateway_drop",
  "discord_5xx",
  "discord_429",
  "discord_hang",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type PlannedStep = { atMs: number; kind: WorkloadKind; pick: number; size: number };
export type PlannedFault = {
  atMs: number;
  kind: FaultKind;
  /** Which bot instance (index into the instance list) or which bot kind, by fraction. */
  pick: number;
  /** How long the fault lasts (down time, partition, fault period). */
  durationMs: number;
  /** A second parameter: 5xx probability, Retry-After, hang count. */
  param: number;
};
export type Plan = {
  seed: number;
  durationMs: number;
  steps: PlannedStep[];
  faults: PlannedFault[];
};

const WORKLOAD_WEIGHTS: [WorkloadKind, number][] = [
  ["post", 30],
  ["reply", 8],
  ["attachment", 5],
  ["edit_new", 12],
  ["edit_old", 8],
  ["delete", 6],
  ["bulk_delete", 3],
  ["pay_order", 5],
  ["subscribe", 2],
  ["renew", 1],
  ["cancel", 2],
  ["dispute", 1],
  ["refund", 1],
  ["redeliver", 3],
  ["link", 4],
  ["unlink", 2],
];

const FAULT_WEIGHTS: [FaultKind, number][] = [
  ["kill_bot", 5],
  ["kill_backend", 2],
  ["gateway_drop", 3],
  ["discord_5xx", 3],
  ["discord_429", 3],
  ["discord_hang", 2],
  ["partition", 3],
];

function weighted<T>(random: Random, weights: [T, number][]): T {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [item, weight] of weights) {
    roll -= weight;
    if (roll < 0) return item;
  }
  const last = weights[weights.length - 1];
  if (last === undefined) throw new Error("no weights");
  return last[0];
}

function faultDuration(random: Random, kind: FaultKind): number {
  switch (kind) {
    case "kill_bot":
      return random.int(500, 6_000); // down time before the restart
    case "kill_backend":
      return random.int(500, 3_000);
    case "partition":
      return random.int(2_000, 15_000);
    case "discord_5xx":
    case "discord_429":
      return random.int(2_000, 8_000);
    case "discord_hang":
    case "gateway_drop":
      return 0;
  }
}

export function makePlan(seed: number, durationMs: number): Plan {
  // Separate streams: a change in the fault mix leaves the workload of a seed as it was.
  const workload = seededRandom(seed);
  const chaos = seededRandom(seed ^ 0x5bd1e995);
  const steps: PlannedStep[] = [];
  for (let at = workload.int(100, 400); at < durationMs; at += workload.int(150, 550)) {
    steps.push({
      atMs: at,
      kind: weighted(workload, WORKLOAD_WEIGHTS),
      pick: workload.next(),
      size: workload.int(2, 5),
    });
  }
  const faults: PlannedFault[] = [];
  // Faults start after a calm first few seconds and stop before the end, then the system settles.
  const quietEnd = Math.min(5_000, durationMs / 10);
  for (
    let at = 3_000 + chaos.int(0, 2_000);
    at < durationMs - quietEnd;
    at += chaos.int(3_000, 9_000)
  ) {
    const kind = weighted(chaos, FAULT_WEIGHTS);
    faults.push({
      atMs: at,
      kind,
      pick: chaos.next(),
      durationMs: Math.min(faultDuration(chaos, kind), Math.max(0, durationMs - at)),
      param: chaos.next(),
    });
  }
  return { seed, durationMs, steps, faults };
}
