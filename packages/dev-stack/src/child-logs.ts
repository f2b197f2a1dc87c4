import type { ChildProcess } from "node:child_process";

/** One line a bot logged: pino JSON, or `{ msg }` for a line that was not JSON. */
export type LogLine = { event?: string; msg?: string; level?: string } & Record<string, unknown>;

export type ChildLogs = {
  /** stdout, one entry per complete line, in order; grows while the child runs. */
  readonly logs: LogLine[];
  /** stderr chunks as they came. */
  readonly stderr: string[];
  /** The exit code (null when a signal ended it). */
  readonly exit: Promise<number | null>;
  /** The last `tail` log lines and stderr, for a timeout's message. */
  describe: (name: string, tail: number) => string;
};

/**
 * Reads a spawned bot's output as the tests watch it (spawn with stdio "pipe"): stdout split into
 * JSON log lines (a chunk may end mid-line, so the rest waits for the next chunk), stderr kept raw.
 */
export function captureChildLogs(child: ChildProcess): ChildLogs {
  const logs: LogLine[] = [];
  const stderr: string[] = [];
  let buffered = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (line.trim() === "") continue;
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => stderr.push(chunk));
  const exit = new Promise<number | null>((resolveExit) =>
    child.once("exit", (code) => resolveExit(code)),
  );
  return {
    logs,
    stderr,
    exit,
    describe: (name, tail) =>
      `${name} logs (last ${tail}):\n${logs
        .slice(-tail)
        .map((line) => JSON.stringify(line))
        .join("\n")}\nstderr:\n${stderr.join("").slice(-2000)}`,
  };
}
