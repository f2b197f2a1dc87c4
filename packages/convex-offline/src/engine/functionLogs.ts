// console.* inside functions: each line is captured for the caller (the `logLines` of the
// wire protocol, which the clients print as "[CONVEX Q(fn)] [LOG] …") and reported to the
// server log. Lines are formatted as "[LEVEL] args…", the format the clients parse.
import { AsyncLocalStorage } from "node:async_hooks";
import { inspect } from "node:util";

const linesStorage = new AsyncLocalStorage<string[]>();
const MAX_LINES = 256;
const LEVELS: Record<string, string> = {
  log: "LOG",
  info: "INFO",
  warn: "WARN",
  error: "ERROR",
  debug: "DEBUG",
  trace: "TRACE",
};

export type LogSink = (level: string, line: string) => void;

function format(args: unknown[]): string {
  return args.map((arg) => (typeof arg === "string" ? arg : inspect(arg, { depth: 4 }))).join(" ");
}

/** Runs fn collecting the log lines of every function it invokes. */
export async function withLogCapture<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; logLines: string[] }> {
  const lines: string[] = [];
  const value = await linesStorage.run(lines, fn);
  return { value, logLines: lines };
}

/** The console handed to functions: captured levels, everything else from the real console. */
export function capturingConsole(base: Console, sink: LogSink): Console {
  return new Proxy(base, {
    get(target, property, receiver) {
      const level = typeof property === "string" ? LEVELS[property] : undefined;
      if (level === undefined) return Reflect.get(target, property, receiver) as unknown;
      return (...args: unknown[]) => {
        const text = format(args);
        const lines = linesStorage.getStore();
        if (lines !== undefined && lines.length < MAX_LINES) lines.push(`[${level}] ${text}`);
        sink(level, text);
      };
    },
  });
}
