import { type Infer } from "convex/values";
import type { Doc } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";
import type { vSiteSettingKey } from "../../tables/business";
import { checkHttpsUrl } from "../payments/purchaseUrl";
import { appError } from "../shared/errors";

export type SiteSettingKey = Infer<typeof vSiteSettingKey>;

/** Long enough for real terms of service; the pages render it as plain text. */
export const MAX_SETTING_TEXT = 20_000;

export async function siteSetting(
  ctx: QueryCtx,
  key: SiteSettingKey,
): Promise<Doc<"siteSettings"> | null> {
  return ctx.db
    .query("siteSettings")
    .withIndex("by_key", (q) => q.eq("key", key))
    .unique();
}

/** The value to store (trimmed; the portal URL checked like a purchase URL), or null to clear. */
export function checkSiteSetting(key: SiteSettingKey, raw: string): string | null {
  const value = raw.trim();
  if (value.length === 0) return null;
  if (key === "customerPortalUrl") {
    return checkHttpsUrl(value, "Customer portal URL", "https://<your store>.sell.app/customer");
  }
  if (key === "trackRecordDelayHours") return String(checkDelayHours(value));
  if (value.length > MAX_SETTING_TEXT) {
    throw appError(
      "BAD_REQUEST",
      `At most ${MAX_SETTING_TEXT.toLocaleString("en-US")} characters.`,
    );
  }
  // Plain text: the pages never interpret it, but NUL and other control characters are refused.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) {
    throw appError("BAD_REQUEST", "Remove control characters.");
  }
  return value;
}

/** The public track record's delay: whole hours, at least 1 (no live call) and at most 30 days. */
export const MIN_TRACK_RECORD_DELAY_HOURS = 1;
export const MAX_TRACK_RECORD_DELAY_HOURS = 720;

function checkDelayHours(value: string): number {
  const hours = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (
    !Number.isInteger(hours) ||
    hours < MIN_TRACK_RECORD_DELAY_HOURS ||
    hours > MAX_TRACK_RECORD_DELAY_HOURS
  ) {
    throw appError(
      "BAD_REQUEST",
      `The track record delay is a whole number of hours from ${MIN_TRACK_RECORD_DELAY_HOURS} to ${MAX_TRACK_RECORD_DELAY_HOURS}.`,
    );
  }
  return hours;
}
