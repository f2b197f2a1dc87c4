import { internal } from "./_generated/api";
import { httpAction } from "./_generated/server";
import { isValidUnsubscribeToken } from "./model/email/unsubscribeToken";

/**
 * /email/unsubscribe?user=…&token=… — the reminders' one-click unsubscribe.
 * POST turns reminders off (RFC 8058: mail clients POST "List-Unsubscribe=One-Click" with no
 * cookies or interaction; the page's button posts the same). GET only shows a page with that
 * button: link scanners fetch links in emails, and a GET must not change anything.
 * The signed token is the authority (model/email/unsubscribeToken.ts); a forged one changes nothing.
 */

const PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": "default-src 'none'; form-action 'self'; frame-ancestors 'none'",
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
};

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: PAGE_HEADERS });
}

function credentialsOf(request: Request): { user: string; token: string } | null {
  const url = new URL(request.url);
  const user = url.searchParams.get("user");
  const token = url.searchParams.get("token");
  if (user === null || token === null || user.length > 64 || token.length > 128) return null;
  return { user, token };
}

const REFUSED =
  "<p>This unsubscribe link is not valid. Change your email settings on your account page.</p>";

export const unsubscribePage = httpAction(async (_ctx, request) => {
  const credentials = credentialsOf(request);
  if (
    credentials === null ||
    !(await isValidUnsubscribeToken(credentials.user, credentials.token))
  ) {
    return page(403, "Link not valid", REFUSED);
  }
  // The form posts back to this same URL (the query string carries the user and the token).
  return page(
    200,
    "Turn off reminders",
    '<p>Stop the "access ending soon" reminders? Emails about your membership itself (access granted, payment failed, access ended) still arrive.</p><form method="post"><button type="submit">Turn off reminders</button></form>',
  );
});

export const unsubscribeOneClick = httpAction(async (ctx, request) => {
  const credentials = credentialsOf(request);
  if (
    credentials === null ||
    !(await isValidUnsubscribeToken(credentials.user, credentials.token))
  ) {
    return page(403, "Link not valid", REFUSED);
  }
  const done = await ctx.runMutation(internal.emailPreferences.unsubscribeReminders, {
    userId: credentials.user,
  });
  if (!done) return page(404, "Account not found", "<p>This account no longer exists.</p>");
  return page(
    200,
    "Reminders turned off",
    "<p>You will not get reminders any more. Turn them back on from your account page.</p>",
  );
});
