// Watches the functions directory (recursively, skipping _generated) with a debounce.
import { type FSWatcher, watch } from "node:fs";
import { type Logger } from "./log.js";

export function watchFunctions(
  dir: string,
  onChange: () => void,
  logger: Logger,
  debounceMs = 150,
): FSWatcher {
  let timer: NodeJS.Timeout | null = null;
  const watcher = watch(dir, { recursive: true }, (_event, file) => {
    const name = String(file ?? "");
    if (name.startsWith("_generated") || name.includes("node_modules") || name.endsWith("~"))
      return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      logger.log("info", "reload.triggered", { file: name });
      onChange();
    }, debounceMs);
  });
  watcher.on("error", (error) => logger.log("warn", "watch.error", { error: error.message }));
  return watcher;
}
