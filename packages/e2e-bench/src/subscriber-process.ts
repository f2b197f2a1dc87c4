// A child process hosting a share of the benchmark's dashboard subscribers (see subscribers.ts).
import { type Dashboard, openDashboard } from "./dashboard-subscriber.js";
import type { BenchUser } from "./users.js";

export type ShareInput = { backendUrl: string; users: { slot: number; user: BenchUser }[] };
export type ToShare = { type: "start"; input: ShareInput } | { type: "close" };
export type FromShare =
  | { type: "ready" }
  | { type: "failed"; error: string }
  | { type: "seen"; sightings: [slot: number, tag: string, at: number][] }
  | { type: "closed" };

/** Sightings are stamped when they happen and sent in batches, off the measured path. */
const FLUSH_MS = 25;

const send = (message: FromShare) => process.send?.(message);
let batch: [number, string, number][] = [];
const flush = () => {
  if (batch.length === 0) return;
  send({ type: "seen", sightings: batch });
  batch = [];
};
let dashboards: Dashboard[] = [];
let timer: NodeJS.Timeout | undefined;

process.on("message", (message: ToShare) => {
  if (message.type === "start") {
    timer = setInterval(flush, FLUSH_MS);
    dashboards = message.input.users.map(({ slot, user }) =>
      openDashboard(message.input.backendUrl, user, (tag, at) => batch.push([slot, tag, at])),
    );
    Promise.all(dashboards.map((dashboard) => dashboard.ready)).then(
      () => send({ type: "ready" }),
      (error: unknown) => send({ type: "failed", error: String(error) }),
    );
    return;
  }
  void Promise.all(dashboards.map((dashboard) => dashboard.close())).finally(() => {
    flush();
    clearInterval(timer);
    send({ type: "closed" });
    process.disconnect();
  });
});
