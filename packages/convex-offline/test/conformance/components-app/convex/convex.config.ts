import aggregate from "@convex-dev/aggregate/convex.config";
import migrations from "@convex-dev/migrations/convex.config";
import rateLimiter from "@convex-dev/rate-limiter/convex.config";
import { defineApp } from "convex/server";

const app = defineApp();
app.use(rateLimiter);
// Installed under a name of our own, as apps do to keep two aggregates apart.
app.use(aggregate, { name: "scoreTotals" });
app.use(migrations);
export default app;
