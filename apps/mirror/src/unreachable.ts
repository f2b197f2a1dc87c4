/**
 * Resolves once `isConnected` has answered false continuously for `forMs` (checked every
 * `everyMs`); `cancel` stops watching. Used on shutdown: the graceful steps (finish sends, hand
 * back leases) talk to Convex, and a ConvexClient call waits for a reconnect forever, so when
 * Convex is gone there is nothing to wait for.
 */
export function whenUnreachable(
  isConnected: () => boolean,
  forMs: number,
  everyMs = 250,
): { reached: Promise<void>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const reached = new Promise<void>((resolve) => {
    let downSince: number | null = null;
    timer = setInterval(() => {
      if (isConnected()) {
        downSince = null;
        return;
      }
      downSince ??= Date.now();
      if (Date.now() - downSince >= forMs) {
        clearInterval(timer);
        resolve();
      }
    }, everyMs);
  });
  return { reached, cancel: () => clearInterval(timer) };
}
