/** Lets the event loop run (I/O, other clients' functions) `turns` times. */
export async function yieldTurns(turns: number): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}
