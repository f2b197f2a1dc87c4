import type { FunctionReturnType } from "convex/server";
import type { api } from "./convex-api.js";

type ClaimResult = FunctionReturnType<typeof api.mirror.claim>;

/** One claimed delivery: the signal's current content, attachments and the row's mirror state. */
export type ClaimedDelivery = Extract<ClaimResult, { status: "claimed" }>["work"];
export type MirrorWorkItem = FunctionReturnType<typeof api.mirror.work>[number];
export type RoleWorkItem = FunctionReturnType<typeof api.roleSync.work>[number];
type RoleClaim = FunctionReturnType<typeof api.roleSync.claim>;
export type ClaimedRoleJob = Extract<RoleClaim, { status: "claimed" }>["job"];
