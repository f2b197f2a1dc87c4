import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

// Lapsed periods and graces become "expired" (the access gate already refuses them at read time).
crons.interval(
  "expire lapsed entitlements",
  { minutes: 5 },
  internal.entitlements.expireLapsed,
  {},
);

// Failed Sell.app events are retried with backoff (1 m, 5 m, 30 m, 2 h, 12 h), stuck ones recovered.
crons.interval("retry failed webhook events", { minutes: 1 }, internal.webhookEvents.retryDue, {});

// Latency samples for the admin SLO panel are kept for 24 h (the panel's widest window).
crons.interval("prune latency samples", { minutes: 10 }, internal.latency.prune, {});

// Webhook records by age and kind: rejections 30 d, duplicates 90 d, ignored and settled payments
// 400 d (docs/reliability.md §11); in batches that chain themselves.
crons.daily(
  "prune webhook records",
  { hourUTC: 3, minuteUTC: 17 },
  internal.webhookRetention.prune,
  {},
);

// Deletes that arrived for messages never stored wait 30 days for a late copy, then are forgotten
// (model/ingest/ingestUnstoredDelete.ts).
crons.daily(
  "prune unstored deletes",
  { hourUTC: 3, minuteUTC: 41 },
  internal.ingestRetention.pruneStaleUnstoredDeletes,
  {},
);

// A new parser version re-parses the stored signals in the background (the deploy-time check); a
// run whose driver stopped is resumed from its cursor (convex/reparse.ts).
crons.interval(
  "re-parse signals on a new parser version",
  { minutes: 5 },
  internal.reparse.ensureCurrent,
  {},
);

// Safety net for lost webhooks: orders and subscriptions Sell.app changed since the last good run
// are fed through the webhook path (convex/sellappSync.ts); a no-op without SELLAPP_API_KEY.
crons.interval(
  "reconcile with Sell.app",
  { hours: 1 },
  internal.sellappSync.scheduledReconcile,
  {},
);

// "Your access ends in N days" for access that will not renew on its own; once per period end
// (convex/lifecycleEmails.ts).
crons.daily(
  "remind of access ending soon",
  { hourUTC: 9, minuteUTC: 5 },
  internal.lifecycleEmails.remindEndingSoon,
  {},
);

export default crons;
