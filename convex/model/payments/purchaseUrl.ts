import { appError } from "../shared/errors";

const MAX_LENGTH = 2048;

/**
 * A tier's purchase URL is rendered as a link on the locked feed and the account page, so only
 * an https:// address may be stored: `javascript:` / `data:` would run in our origin when clicked,
 * and a plain-http checkout page can be rewritten in transit. Credentials in the URL are refused
 * too (they would be shown to every customer). Returns the URL as the parser normalised it, so
 * what is stored is exactly what was checked.
 */
export function checkPurchaseUrl(raw: string): string {
  return checkHttpsUrl(raw, "Purchase URL", "https://sell.app/…");
}

/**
 * The same rule for any owner-configured link shown to customers (e.g. the Sell.app customer
 * portal): https only, no credentials, bounded; `label` names the field in the error.
 */
export function checkHttpsUrl(raw: string, label: string, example: string): string {
  const trimmed = raw.trim();
  let url: URL | null = null;
  try {
    url = trimmed.length <= MAX_LENGTH ? new URL(trimmed) : null;
  } catch {
    url = null;
  }
  if (
    url === null ||
    url.protocol !== "https:" ||
    url.hostname === "" ||
    url.username !== "" ||
    url.password !== ""
  ) {
    throw appError(
      "BAD_REQUEST",
      `${label} must be an https:// address (at most ${MAX_LENGTH} characters, no user name or password), e.g. ${example}`,
    );
  }
  return url.href;
}

/** The tier with its purchase URL checked and normalised (absent stays absent). */
export function withCheckedPurchaseUrl<T extends { purchaseUrl?: string }>(tier: T): T {
  return tier.purchaseUrl === undefined
    ? tier
    : { ...tier, purchaseUrl: checkPurchaseUrl(tier.purchaseUrl) };
}
