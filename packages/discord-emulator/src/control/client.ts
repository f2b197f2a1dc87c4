// Typed client for the control API, for tests in other packages and the demo feed.
import type { APIGuildMember, APIMessage, APIRole } from "discord-api-types/v10";
import type { GatewayFault, RestFault, TGatewayFaultInput, TRestFaultInput } from "../faults.js";
import type { GatewayLogEntry, RequestLogEntry } from "../request-log.js";
import type { TSettings, TWorldSpecInput } from "../world/spec.js";
import type { AuditLogEntry } from "../core.js";
import type {
  TControlAddMember,
  TControlConsent,
  TControlEditMessage,
  TControlSeedHistory,
  TControlGatewayAction,
  TControlPostMessage,
  TControlSettingsPatch,
} from "./schemas.js";
import type { worldSummary } from "./world-summary.js";

export type WorldSummary = ReturnType<typeof worldSummary>;
export type ControlMessage = APIMessage & { guild_id: string };

export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    method: string,
    path: string,
  ) {
    super(`control API ${method} ${path} failed with ${status}: ${JSON.stringify(body)}`);
  }
}

export class ControlClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const res = await fetch(`${this.baseUrl}/_control${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new ControlApiError(res.status, parsed, method, path);
    return parsed as T;
  }

  world = () => this.call<WorldSummary>("GET", "/world");
  loadWorld = (spec: TWorldSpecInput) => this.call<WorldSummary>("PUT", "/world", spec);
  resetWorld = () => this.call<WorldSummary>("POST", "/world/reset");
  updateSettings = (patch: TControlSettingsPatch) =>
    this.call<TSettings>("PATCH", "/settings", patch);
  setOAuthConsent = (consent: TControlConsent) =>
    this.call<TControlConsent>("PUT", "/oauth2/consent", consent);

  messages = (channelId: string) =>
    this.call<ControlMessage[]>("GET", `/channels/${channelId}/messages`);
  postMessage = (channelId: string, input: TControlPostMessage) =>
    this.call<ControlMessage>("POST", `/channels/${channelId}/messages`, input);
  seedHistory = (channelId: string, input: TControlSeedHistory) =>
    this.call<{ count: number; firstId: string | null; lastId: string | null }>(
      "POST",
      `/channels/${channelId}/messages/history`,
      input,
    );
  editMessage = (channelId: string, messageId: string, input: TControlEditMessage) =>
    this.call<ControlMessage>("PATCH", `/channels/${channelId}/messages/${messageId}`, input);
  touchMessage = (channelId: string, messageId: string, flags?: number) =>
    this.call<ControlMessage>(
      "POST",
      `/channels/${channelId}/messages/${messageId}/touch`,
      flags === undefined ? {} : { flags },
    );
  deleteMessage = (channelId: string, messageId: string) =>
    this.call<undefined>("DELETE", `/channels/${channelId}/messages/${messageId}`);
  bulkDeleteMessages = (channelId: string, messageIds: string[]) =>
    this.call<undefined>("POST", `/channels/${channelId}/messages/bulk-delete`, { messageIds });

  members = (guildId: string) => this.call<APIGuildMember[]>("GET", `/guilds/${guildId}/members`);
  addMember = (guildId: string, input: TControlAddMember) =>
    this.call<APIGuildMember>("POST", `/guilds/${guildId}/members`, input);
  removeMember = (guildId: string, userId: string) =>
    this.call<undefined>("DELETE", `/guilds/${guildId}/members/${userId}`);
  roles = (guildId: string) => this.call<APIRole[]>("GET", `/guilds/${guildId}/roles`);
  addRole = (guildId: string, userId: string, roleId: string, reason?: string) =>
    this.call<APIGuildMember>(
      "PUT",
      `/guilds/${guildId}/members/${userId}/roles/${roleId}`,
      reason ? { reason } : {},
    );
  removeRole = (guildId: string, userId: string, roleId: string, reason?: string) =>
    this.call<APIGuildMember>(
      "DELETE",
      `/guilds/${guildId}/members/${userId}/roles/${roleId}`,
      reason ? { reason } : {},
    );
  auditLog = (guildId: string) => this.call<AuditLogEntry[]>("GET", `/guilds/${guildId}/audit-log`);

  faults = () => this.call<{ rest: RestFault[]; gateway: GatewayFault[] }>("GET", "/faults");
  injectRestFault = (fault: TRestFaultInput) => this.call<RestFault>("POST", "/faults/rest", fault);
  injectGatewayFault = (fault: TGatewayFaultInput) =>
    this.call<GatewayFault>("POST", "/faults/gateway", fault);
  clearFaults = () => this.call<undefined>("DELETE", "/faults");
  removeFault = (id: string) => this.call<undefined>("DELETE", `/faults/${id}`);
  gatewayAction = (action: TControlGatewayAction) =>
    this.call<{ affected: number }>("POST", "/gateway/actions", action);
  gatewaySessions = () =>
    this.call<{ sessionId: string; botId: string; seq: number; connected: boolean }[]>(
      "GET",
      "/gateway/sessions",
    );

  requests = (since = 0, limit = 1000) =>
    this.call<RequestLogEntry[]>("GET", `/requests?since=${since}&limit=${limit}`);
  clearRequests = () => this.call<undefined>("DELETE", "/requests");
  events = (since = 0, limit = 1000) =>
    this.call<GatewayLogEntry[]>("GET", `/events?since=${since}&limit=${limit}`);
}
