import type { LifecycleEmailKind } from "./lifecycleEmailPolicy";

/**
 * The words of each lifecycle email, as plain text and as simple HTML (every value escaped; no
 * remote images, no tracking). The product name is the site's; links come from SITE_URL (the
 * account page) and the owner's site settings (the Sell.app customer portal).
 */

export const PRODUCT_NAME = "G3netic Crypto Signals";

export type TemplateInput = {
  kind: LifecycleEmailKind;
  tierName: string;
  /** When access ends or ended (absent: no end date known). */
  accessUntil?: number;
  accountUrl: string | null;
  portalUrl: string | null;
  /** Present on reminders only. */
  unsubscribeUrl: string | null;
};

export type RenderedEmail = { subject: string; text: string; html: string };

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function when(at: number | undefined): string {
  if (at === undefined) return "soon";
  const date = new Date(at);
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

type Copy = { subject: string; lines: string[]; action?: { label: string; url: string } };

function copyOf(input: TemplateInput): Copy {
  const tier = input.tierName;
  const renew =
    input.portalUrl === null ? undefined : { label: "Manage your plan", url: input.portalUrl };
  const account =
    input.accountUrl === null ? undefined : { label: "Open your account", url: input.accountUrl };
  switch (input.kind) {
    case "access_granted":
      return {
        subject: `Your ${tier} access is active`,
        lines: [
          `Your ${tier} membership of ${PRODUCT_NAME} is active.`,
          "Signals appear live on your feed; if you link Discord, you also get the members' role.",
        ],
        ...(account === undefined ? {} : { action: account }),
      };
    case "payment_failed":
      return {
        subject: `Payment failed — your ${tier} access ends ${when(input.accessUntil)}`,
        lines: [
          `Your last ${tier} payment for ${PRODUCT_NAME} did not go through.`,
          `You keep access until ${when(input.accessUntil)}; update your payment method before then to keep it.`,
        ],
        ...(renew === undefined
          ? account === undefined
            ? {}
            : { action: account }
          : { action: renew }),
      };
    case "access_ending":
      return {
        subject: `Your ${tier} access ends ${when(input.accessUntil)}`,
        lines: [
          `Your ${tier} membership of ${PRODUCT_NAME} does not renew and ends ${when(input.accessUntil)}.`,
          "Renew before then to keep the live feed and the Discord role.",
        ],
        ...(renew === undefined
          ? account === undefined
            ? {}
            : { action: account }
          : { action: renew }),
      };
    case "access_ended":
      return {
        subject: `Your ${tier} access has ended`,
        lines: [
          `Your ${tier} membership of ${PRODUCT_NAME} has ended: the feed is locked and the Discord role removed.`,
          "You can buy it again at any time from your account.",
        ],
        ...(account === undefined ? {} : { action: account }),
      };
  }
}

function footerLines(input: TemplateInput): string[] {
  const lines = [`You get this email because you have an account at ${PRODUCT_NAME}.`];
  if (input.unsubscribeUrl !== null) {
    lines.push(`Turn off these reminders: ${input.unsubscribeUrl}`);
  } else {
    lines.push("It is about your membership, so it is sent whatever your reminder settings.");
  }
  return lines;
}

export function renderLifecycleEmail(input: TemplateInput): RenderedEmail {
  const copy = copyOf(input);
  const footer = footerLines(input);
  const text = [
    ...copy.lines,
    ...(copy.action === undefined ? [] : ["", `${copy.action.label}: ${copy.action.url}`]),
    "",
    "—",
    ...footer,
    "",
  ].join("\n");
  const paragraphs = copy.lines.map((line) => `<p>${escapeHtml(line)}</p>`);
  const action =
    copy.action === undefined
      ? []
      : [`<p><a href="${escapeHtml(copy.action.url)}">${escapeHtml(copy.action.label)}</a></p>`];
  const unsubscribe =
    input.unsubscribeUrl === null
      ? `<p>${escapeHtml(footer[1] ?? "")}</p>`
      : `<p><a href="${escapeHtml(input.unsubscribeUrl)}">Turn off these reminders</a></p>`;
  const html = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(copy.subject)}</title></head>`,
    "<body>",
    ...paragraphs,
    ...action,
    "<hr>",
    `<p>${escapeHtml(footer[0] ?? "")}</p>`,
    unsubscribe,
    "</body></html>",
    "",
  ].join("\n");
  return { subject: `${copy.subject} · ${PRODUCT_NAME}`, text, html };
}
