/**
 * Polls until `probe` returns a truthy value (then returns it), or throws after `timeoutMs`
 * naming `what` it waited for, plus `context()` (e.g. the state it saw). For tests and harnesses
 * that watch real processes; not for the product's critical path.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
  what = "condition",
  context?: () => string | Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${context ? `\n${await context()}` : ""}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
