import { authTables } from "@convex-dev/auth/server";
import { defineTable } from "convex/server";
import { v } from "convex/values";

export const vUserRole = v.union(v.literal("customer"), v.literal("admin"));

/**
 * Convex Auth's tables, with `users` extended by our role.
 * The `email` and `phone` indexes must keep their names: Convex Auth looks users up by them.
 */
export const userTables = {
  ...authTables,
  users: defineTable({
    name: v.optional(v.string()),
    image: v.optional(v.string()),
    email: v.optional(v.string()),
    emailVerificationTime: v.optional(v.number()),
    phone: v.optional(v.string()),
    phoneVerificationTime: v.optional(v.number()),
    isAnonymous: v.optional(v.boolean()),
    /** Absent means "customer". Admins also come from the ADMIN_EMAILS allow-list (verified emails only). */
    role: v.optional(vUserRole),
  })
    .index("email", ["email"])
    .index("phone", ["phone"])
    .index("by_role", ["role"]),
};
