// Role-sync jobs as tests insert them (not a Convex module: two dots keep it out of the API).
import type { Id } from "./_generated/dataModel";

/** A role-sync grant for `userId` that has failed five times. */
export function failedRoleJob(userId: Id<"users">, nextAttemptAt: number) {
  return {
    userId,
    discordUserId: "3000000000000000001",
    guildId: "2000000000000000001",
    roleId: "1100000000000000001",
    action: "grant" as const,
    reason: "paid",
    status: "failed" as const,
    attempts: 5,
    nextAttemptAt,
  };
}
