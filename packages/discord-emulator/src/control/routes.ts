// The control API (/_control/...): JSON in, JSON out, zod-validated. See README "Control API".
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { EmulatorCore } from "../core.js";
import { DiscordApiError } from "../errors.js";
import type { GatewayServer } from "../gateway/server.js";
import { BodyTooLargeError, readBody } from "../http/body.js";
import { sendEmpty, sendJson } from "../http/respond.js";
import { matchSegments } from "../rest/router.js";
import { apiMember, apiMessage } from "../world/serialize.js";
import type { NewFile } from "../world/world.js";
import {
  ZControlAddMember,
  ZControlBulkDelete,
  ZControlConsent,
  ZControlEditMessage,
  ZControlGatewayAction,
  ZControlPostMessage,
  ZControlRoleChange,
  ZControlSettingsPatch,
  ZControlTouchMessage,
  ZGatewayFaultInput,
  ZRestFaultInput,
} from "./schemas.js";
import { controlMembers, controlMessages, controlRoles, worldSummary } from "./world-summary.js";

type Ctx = {
  core: EmulatorCore;
  gateway: GatewayServer;
  params: Record<string, string>;
  query: URLSearchParams;
  json: () => Promise<unknown>;
};
type Result = { status: number; body?: unknown };
type ControlRoute = {
  method: string;
  template: string;
  handler: (ctx: Ctx) => Promise<Result> | Result;
};

const MODERATOR = "moderator";

const decodeFiles = (
  files: { filename: string; dataBase64: string; description?: string }[],
): NewFile[] =>
  files.map((f) => ({
    filename: f.filename,
    bytes: new Uint8Array(Buffer.from(f.dataBase64, "base64")),
    description: f.description ?? null,
  }));

const fullMessage = (core: EmulatorCore, channelId: string, messageId: string) =>
  apiMessage(core.world, core.cdn, core.world.message(channelId, messageId), {
    viewer: null,
    dispatch: true,
  });

const p = (ctx: Ctx, name: string): string => ctx.params[name] ?? "";

const routes: ControlRoute[] = [
  {
    method: "GET",
    template: "/world",
    handler: ({ core }) => ({ status: 200, body: worldSummary(core.world) }),
  },
  {
    method: "PUT",
    template: "/world",
    handler: async ({ core, json }) => ({
      status: 200,
      body: worldSummary(core.resetWorld(await json())),
    }),
  },
  {
    method: "POST",
    template: "/world/reset",
    handler: ({ core }) => ({ status: 200, body: worldSummary(core.resetWorld()) }),
  },
  {
    method: "PATCH",
    template: "/settings",
    handler: async ({ core, json }) => {
      const patch = ZControlSettingsPatch.parse(await json());
      const { rateLimits, ...rest } = patch;
      Object.assign(core.world.settings, rest);
      if (rateLimits) Object.assign(core.world.settings.rateLimits, rateLimits);
      if (rateLimits) core.limiter.reset();
      return { status: 200, body: core.world.settings };
    },
  },
  {
    method: "PUT",
    template: "/oauth2/consent",
    handler: async ({ core, json }) => {
      const consent = ZControlConsent.parse(await json());
      core.world.user(consent.userId);
      core.world.oauthConsent = consent;
      return { status: 200, body: consent };
    },
  },
  {
    method: "GET",
    template: "/channels/:channel_id/messages",
    handler: (ctx) => ({
      status: 200,
      body: controlMessages(ctx.core.world, ctx.core.cdn, p(ctx, "channel_id")),
    }),
  },
  {
    method: "POST",
    template: "/channels/:channel_id/messages",
    handler: async (ctx) => {
      const input = ZControlPostMessage.parse(await ctx.json());
      const channelId = p(ctx, "channel_id");
      const { message } = ctx.core.world.createMessage({
        channelId,
        authorId: input.authorId,
        content: input.content,
        embeds: input.embeds,
        files: decodeFiles(input.attachments),
        nonce: input.nonce ?? null,
        reference: input.replyTo ? { messageId: input.replyTo } : null,
      });
      return { status: 200, body: fullMessage(ctx.core, channelId, message.id) };
    },
  },
  {
    method: "PATCH",
    template: "/channels/:channel_id/messages/:message_id",
    handler: async (ctx) => {
      const input = ZControlEditMessage.parse(await ctx.json());
      const channelId = p(ctx, "channel_id");
      const message = ctx.core.world.editMessage(channelId, p(ctx, "message_id"), {
        content: input.content,
        embeds: input.embeds,
        keepAttachmentIds: input.keepAttachmentIds,
        files: decodeFiles(input.attachments),
      });
      return { status: 200, body: fullMessage(ctx.core, channelId, message.id) };
    },
  },
  {
    method: "POST",
    template: "/channels/:channel_id/messages/:message_id/touch",
    handler: async (ctx) => {
      const input = ZControlTouchMessage.parse(await ctx.json());
      const channelId = p(ctx, "channel_id");
      const message = ctx.core.world.touchMessage(channelId, p(ctx, "message_id"), input.flags);
      return { status: 200, body: fullMessage(ctx.core, channelId, message.id) };
    },
  },
  {
    method: "DELETE",
    template: "/channels/:channel_id/messages/:message_id",
    handler: (ctx) => {
      ctx.core.world.deleteMessage(p(ctx, "channel_id"), p(ctx, "message_id"));
      return { status: 204 };
    },
  },
  {
    method: "POST",
    template: "/channels/:channel_id/messages/bulk-delete",
    handler: async (ctx) => {
      const input = ZControlBulkDelete.parse(await ctx.json());
      ctx.core.world.bulkDelete(p(ctx, "channel_id"), input.messageIds);
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/guilds/:guild_id/members",
    handler: (ctx) => ({ status: 200, body: controlMembers(ctx.core.world, p(ctx, "guild_id")) }),
  },
  {
    method: "POST",
    template: "/guilds/:guild_id/members",
    handler: async (ctx) => {
      const input = ZControlAddMember.parse(await ctx.json());
      const member = ctx.core.world.addMember(p(ctx, "guild_id"), input.userId, {
        roles: input.roles,
        nick: input.nick,
      });
      return { status: 201, body: apiMember(ctx.core.world, member) };
    },
  },
  {
    method: "DELETE",
    template: "/guilds/:guild_id/members/:user_id",
    handler: (ctx) => {
      ctx.core.world.removeMember(p(ctx, "guild_id"), p(ctx, "user_id"));
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/guilds/:guild_id/roles",
    handler: (ctx) => ({ status: 200, body: controlRoles(ctx.core.world, p(ctx, "guild_id")) }),
  },
  {
    method: "PUT",
    template: "/guilds/:guild_id/members/:user_id/roles/:role_id",
    handler: async (ctx) =>
      roleChange(ctx, "add", ZControlRoleChange.parse(await ctx.json()).reason),
  },
  {
    method: "DELETE",
    template: "/guilds/:guild_id/members/:user_id/roles/:role_id",
    handler: async (ctx) =>
      roleChange(ctx, "remove", ZControlRoleChange.parse(await ctx.json()).reason),
  },
  {
    method: "GET",
    template: "/guilds/:guild_id/audit-log",
    handler: (ctx) => ({
      status: 200,
      body: ctx.core.auditLog.list().filter((e) => e.guildId === p(ctx, "guild_id")),
    }),
  },
  {
    method: "GET",
    template: "/faults",
    handler: ({ core }) => ({ status: 200, body: core.faults.list() }),
  },
  {
    method: "POST",
    template: "/faults/rest",
    handler: async ({ core, json }) => ({
      status: 201,
      body: core.faults.addRest(ZRestFaultInput.parse(await json())),
    }),
  },
  {
    method: "POST",
    template: "/faults/gateway",
    handler: async ({ core, json }) => ({
      status: 201,
      body: core.faults.addGateway(ZGatewayFaultInput.parse(await json())),
    }),
  },
  {
    method: "DELETE",
    template: "/faults",
    handler: ({ core }) => {
      core.faults.clear();
      return { status: 204 };
    },
  },
  {
    method: "DELETE",
    template: "/faults/:fault_id",
    handler: (ctx) =>
      ctx.core.faults.remove(p(ctx, "fault_id"))
        ? { status: 204 }
        : { status: 404, body: { error: "unknown fault id" } },
  },
  {
    method: "POST",
    template: "/gateway/actions",
    handler: async ({ gateway, json }) => {
      const input = ZControlGatewayAction.parse(await json());
      const affected =
        input.action === "invalid_session"
          ? gateway.act({ kind: "invalid_session", resumable: input.resumable }, input.botId)
          : input.action === "close"
            ? gateway.act({ kind: "close", code: input.code }, input.botId)
            : gateway.act({ kind: input.action }, input.botId);
      return { status: 200, body: { affected } };
    },
  },
  {
    method: "GET",
    template: "/gateway/sessions",
    handler: ({ gateway }) => ({ status: 200, body: gateway.liveSessions() }),
  },
  {
    method: "GET",
    template: "/requests",
    handler: ({ core, query }) => ({
      status: 200,
      body: core.requestLog.list(
        Number(query.get("since") ?? 0),
        Number(query.get("limit") ?? 1000),
      ),
    }),
  },
  {
    method: "DELETE",
    template: "/requests",
    handler: ({ core }) => {
      core.requestLog.clear();
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/events",
    handler: ({ core, query }) => ({
      status: 200,
      body: core.gatewayLog.list(
        Number(query.get("since") ?? 0),
        Number(query.get("limit") ?? 1000),
      ),
    }),
  },
];

function roleChange(ctx: Ctx, op: "add" | "remove", reason: string | undefined): Result {
  const world = ctx.core.world;
  const guildId = p(ctx, "guild_id");
  const userId = p(ctx, "user_id");
  const roleId = p(ctx, "role_id");
  const member =
    op === "add"
      ? world.addMemberRole(guildId, userId, roleId)
      : world.removeMemberRole(guildId, userId, roleId);
  ctx.core.auditLog.push({
    time: new Date().toISOString(),
    guildId,
    actorId: MODERATOR,
    action: op === "add" ? "member_role_add" : "member_role_remove",
    targetId: userId,
    roleId,
    reason: reason ?? null,
  });
  return { status: 200, body: apiMember(world, member) };
}

export async function handleControl(
  core: EmulatorCore,
  gateway: GatewayServer,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL,
): Promise<void> {
  const method = req.method ?? "GET";
  let pathMatched = false;
  for (const route of routes) {
    const params = matchSegments(
      route.template.split("/").filter(Boolean),
      path.split("/").filter(Boolean),
    );
    if (!params) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const json = async (): Promise<unknown> => {
      const raw = await readBody(req, core.world.settings.maxRequestBytes * 2);
      if (raw.length === 0) return {};
      return JSON.parse(raw.toString("utf8")) as unknown;
    };
    try {
      const result = await route.handler({ core, gateway, params, query: url.searchParams, json });
      if (result.body === undefined) sendEmpty(res, result.status);
      else sendJson(res, result.status, result.body);
    } catch (error) {
      sendControlError(res, error);
    }
    return;
  }
  sendJson(res, pathMatched ? 405 : 404, {
    error: pathMatched ? "method not allowed" : "unknown control route",
  });
}

function sendControlError(res: ServerResponse, error: unknown): void {
  if (error instanceof z.ZodError)
    return sendJson(res, 400, { error: "invalid request body", issues: error.issues });
  if (error instanceof SyntaxError) return sendJson(res, 400, { error: "body is not valid JSON" });
  if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: "body too large" });
  if (error instanceof DiscordApiError)
    return sendJson(res, error.status, { error: error.message, ...error.toBody() });
  sendJson(res, 500, { error: String(error) });
}
