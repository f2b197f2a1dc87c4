import { v } from "convex/values";
import { query } from "./_generated/server";
import { getViewer } from "./model/auth";
import { vUserRole } from "./tables/users";

/** Who is signed in, for the web app's header and route guards. Null when signed out. */
export const viewer = query({
  args: {},
  returns: v.union(
    v.null(),
    v.object({
      id: v.id("users"),
      email: v.optional(v.string()),
      emailVerified: v.boolean(),
      role: vUserRole,
      isAdmin: v.boolean(),
    }),
  ),
  handler: async (ctx) => {
    const viewer = await getViewer(ctx);
    if (viewer === null) return null;
    return {
      id: viewer._id,
      email: viewer.email,
      emailVerified: viewer.emailVerified,
      role: viewer.isAdmin ? ("admin" as const) : ("customer" as const),
      isAdmin: viewer.isAdmin,
    };
  },
});
