import { expect, test } from "vitest";
import { createServiceLogger } from "../src/index";
import { runService, type ProcessHost } from "../src/run-service";
import { captureLines } from "../src/testing";

/** A process stand-in: records listeners and exit codes, and can raise a signal. */
function fakeHost() {
  const listeners = new Map<string, ((arg: unknown) => void)[]>();
  const exits: number[] = [];
  let exited: () => void = () => undefined;
  const exitedOnce = new Promise<void>((resolve) => (exited = resolve));
  const host: ProcessHost = {
    on: (event, listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
    exit: (code) => {
      exits.push(code);
      exited();
    },
  };
  const raise = (event: string, arg?: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(arg);
  };
  return { host, exits, exitedOnce, raise };
}

function setup() {
  const { destination, lines } = captureLines();
  const logger = createServiceLogger({ service: "svc", level: "info", destination });
  const events = () => lines.map((line) => (JSON.parse(line) as { event?: string }).event);
  return { logger, events };
}

test("SIGTERM stops the service once and exits 0; a second signal during the stop is ignored", async () => {
  const { logger, events } = setup();
  const { host, exits, exitedOnce, raise } = fakeHost();
  let stops = 0;
  let finishStop: () => void = () => undefined;
  const app = await runService({
    service: "svc",
    logger,
    shutdownTimeoutMs: 5_000,
    host,
    start: () =>
      Promise.resolve({
        stop: () => {
          stops++;
          return new Promise<void>((resolve) => (finishStop = resolve));
        },
      }),
  });
  expect(app).toBeDefined();
  raise("SIGTERM");
  raise("SIGINT");
  expect(stops).toBe(1);
  expect(exits).toEqual([]);
  finishStop();
  await exitedOnce;
  expect(exits).toEqual([0]);
  expect(events()).toEqual(["svc.shutdown"]);
});

test("a start that throws logs start_failed with the reason and exits 1", async () => {
  const { logger, events } = setup();
  const { host, exits } = fakeHost();
  const app = await runService({
    service: "svc",
    logger,
    shutdownTimeoutMs: 5_000,
    host,
    start: () => Promise.reject(new Error("CONVEX_URL is not a URL")),
  });
  expect(app).toBeUndefined();
  expect(exits).toEqual([1]);
  expect(events()).toEqual(["svc.start_failed"]);
});

test("a stop that fails exits 1; one that hangs past the timeout exits 1 with shutdown_timeout", async () => {
  const failing = setup();
  const first = fakeHost();
  await runService({
    service: "svc",
    logger: failing.logger,
    shutdownTimeoutMs: 5_000,
    host: first.host,
    start: () => Promise.resolve({ stop: () => Promise.reject(new Error("lease release failed")) }),
  });
  first.raise("SIGINT");
  await first.exitedOnce;
  expect(first.exits).toEqual([1]);
  expect(failing.events()).toEqual(["svc.shutdown", "svc.shutdown_failed"]);

  const hanging = setup();
  const second = fakeHost();
  await runService({
    service: "svc",
    logger: hanging.logger,
    shutdownTimeoutMs: 50,
    host: second.host,
    start: () => Promise.resolve({ stop: () => new Promise<void>(() => undefined) }),
  });
  second.raise("SIGTERM");
  await second.exitedOnce;
  expect(second.exits).toEqual([1]);
  expect(hanging.events()).toEqual(["svc.shutdown", "svc.shutdown_timeout"]);
});

test("an unhandled rejection is logged, not fatal", async () => {
  const { logger, events } = setup();
  const { host, exits, raise } = fakeHost();
  await runService({
    service: "svc",
    logger,
    shutdownTimeoutMs: 5_000,
    host,
    start: () => Promise.resolve({ stop: () => Promise.resolve() }),
  });
  raise("unhandledRejection", new Error("late"));
  expect(events()).toEqual(["process.unhandled_rejection"]);
  expect(exits).toEqual([]);
});
