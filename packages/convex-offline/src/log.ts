// Structured logs: one JSON object per line on stderr (stdout stays free for the CLI's output).
export type LogLevel = "debug" | "info" | "warn" | "error";
export type Logger = {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
};

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function jsonLogger(
  minimum: LogLevel = "info",
  write: (line: string) => void = (line) => void process.stderr.write(line),
): Logger {
  return {
    log(level, event, fields = {}) {
      if (ORDER[level] < ORDER[minimum]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }) + "\n");
    },
  };
}

export const silentLogger: Logger = { log() {} };

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
