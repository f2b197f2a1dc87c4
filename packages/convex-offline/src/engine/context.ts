// Async-context hygiene (wire-protocol note §9): callbacks scheduled from inside a function
// run inherit the engine's AsyncLocalStorage state. All server work that may be triggered
// from inside a function (flushes, timers) runs through `outsideFunctions`.
import { AsyncLocalStorage } from "node:async_hooks";

const bootSnapshot = AsyncLocalStorage.snapshot();

export function outsideFunctions<T>(fn: () => T): T {
  return bootSnapshot(fn);
}
