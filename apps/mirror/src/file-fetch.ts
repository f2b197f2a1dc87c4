/** Downloads a stored attachment (Convex storage URL) for re-upload. */
export async function fetchFileBytes(url: string, timeoutMs = 30_000): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) {
    throw new Error(`Downloading a stored attachment failed with HTTP ${response.status}`);
  }
  return Buffer.from(await response.arrayBuffer());
}
