import { defineSchema } from "convex/server";
import { auditTables } from "./tables/audit";
import { businessTables } from "./tables/business";
import { discordTables } from "./tables/discord";
import { feedTables } from "./tables/feed";
import { importTables } from "./tables/imports";
import { operationsTables } from "./tables/operations";
import { outcomeTables } from "./tables/outcomes";
import { parsingTables } from "./tables/parsing";
import { paymentTables } from "./tables/payments";
import { pushTables } from "./tables/push";
import { signalTables } from "./tables/signals";
import { userTables } from "./tables/users";

/** The data model. Each domain owns a fragment in ./tables; docs/architecture.md explains them. */
export default defineSchema({
  ...userTables,
  ...paymentTables,
  ...signalTables,
  ...parsingTables,
  ...feedTables,
  ...discordTables,
  ...auditTables,
  ...importTables,
  ...businessTables,
  ...operationsTables,
  ...outcomeTables,
  ...pushTables,
  // Rate-limit buckets live in the @convex-dev/rate-limiter component's own tables
  // (convex.config.ts), not here.
});
