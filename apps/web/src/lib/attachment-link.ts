/** A link this close to its expiry is replaced before use (a download takes a moment to start). */
export const LINK_REFRESH_MARGIN_MS = 15_000;

/**
 * Whether an attachment link (`…/attachment?…&exp=<ms>&sig=…`, minted by the server) expires
 * within the margin. A link without a readable expiry is treated as expiring: ask for a new one.
 */
export function linkExpiresSoon(link: string, now: number): boolean {
  let expiresAt: number;
  try {
    expiresAt = Number(new URL(link).searchParams.get("exp"));
  } catch {
    return true;
  }
  return !Number.isFinite(expiresAt) || expiresAt - now <= LINK_REFRESH_MARGIN_MS;
}
