import type { api } from "@convex/_generated/api";
import type { FunctionReturnType } from "convex/server";

type RoleHierarchyStatus = FunctionReturnType<typeof api.roleSync.hierarchyStatus>;

export type HierarchyNotice = {
  tone: "ok" | "warning" | "unknown";
  title: string;
  /** One line per paid role: "VIP (role 123) · position 5 · bot cannot manage it". */
  roles: string[];
  /** What the admin should do, or null when nothing is needed. */
  action: string | null;
  detail: string;
};

const FIX =
  "Move the bot's role above the paid role in Server Settings → Roles (drag it higher in the list).";

function roleLine(role: RoleHierarchyStatus["roles"][number]): string {
  const tiers = role.tierKeys.length > 0 ? role.tierKeys.join(", ") : "no tier";
  const position =
    role.position === undefined ? "not found in the guild" : `position ${role.position}`;
  const verdict =
    role.manageable === true
      ? "ok"
      : role.position === undefined
        ? "check the role exists"
        : "bot cannot manage it";
  return `${tiers} (role ${role.roleId}) · ${position} · ${verdict}`;
}

/** What the admin health page says about the bot's role versus the paid roles. */
export function describeHierarchy(status: RoleHierarchyStatus): HierarchyNotice {
  const roles = status.roles.map(roleLine);
  const bot =
    status.botHighestRolePosition === undefined
      ? ""
      : ` The bot's highest role is at position ${status.botHighestRolePosition}.`;
  if (status.state === "misordered") {
    const blocked = status.roles.filter((role) => role.manageable !== true).length;
    return {
      tone: "warning",
      title: `The bot's role sits at or below ${blocked === 1 ? "a paid role" : `${blocked} paid roles`}: paid roles are not being granted or revoked.`,
      roles,
      action: FIX,
      detail: status.message + bot,
    };
  }
  if (status.state === "ok") {
    return {
      tone: "ok",
      title: "OK — the bot's role sits above every paid role.",
      roles,
      action: null,
      detail: status.message + bot,
    };
  }
  return {
    tone: "unknown",
    title: "Unknown — the mirror has not reported yet.",
    roles,
    action: null,
    detail: status.message,
  };
}
