// The Convex components this app installs. The rate limiter keeps its buckets in tables of its
// own; convex/model/rateLimits.ts holds every budget.
import rateLimiter from "@convex-dev/rate-limiter/convex.config";
import { defineApp } from "convex/server";

const app = defineApp();
app.use(rateLimiter);
export default app;
