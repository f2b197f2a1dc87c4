// The Convex components this app installs. The rate limiter keeps its buckets in tables of its
// own; the budgets are defined in model/auth/authLimits.ts, model/push/pushLimits.ts and
// model/payments/webhookRejectionLimits.ts.
import rateLimiter from "@convex-dev/rate-limiter/convex.config";
import { defineApp } from "convex/server";

const app = defineApp();
app.use(rateLimiter);
export default app;
