// Shared state of one emulator instance: the current world (replaceable through the control API)
// and the services every surface uses. REST, gateway, OAuth2, CDN and control all read from here.
import { CdnSigner } from "./cdn.js";
import { FaultRegistry } from "./faults.js";
import { SessionStartCounter } from "./gateway/session-starts.js";
import type { Logger } from "./logger.js";
import { GrantStore } from "./oauth2/grants.js";
import { RateLimiter } from "./ratelimit.js";
import { RingLog, type GatewayLogEntry, type RequestLogEntry } from "./request-log.js";
import { parseWorldSpec, type TWorldSpec } from "./world/spec.js";
import type { WorldEvent } from "./world/types.js";
import { World } from "./world/world.js";

export type AuditLogEntry = {
  id: number;
  time: string;
  guildId: string;
  actorId: string;
  action:
    | "member_role_add"
    | "member_role_remove"
    | "member_add"
    | "member_kick"
    | "message_delete"
    | "message_bulk_delete";
  targetId: string;
  roleId?: string;
  reason: string | null;
};

export class EmulatorCore {
  world: World;
  baseUrl = "http://127.0.0.1";
  readonly grants = new GrantStore();
  readonly faults = new FaultRegistry();
  readonly sessionStarts = new SessionStartCounter();
  readonly limiter: RateLimiter;
  readonly cdn: CdnSigner;
  readonly requestLog = new RingLog<RequestLogEntry>(5_000);
  readonly gatewayLog = new RingLog<GatewayLogEntry>(20_000);
  readonly auditLog = new RingLog<AuditLogEntry>(5_000);
  private readonly worldListeners = new Set<(event: WorldEvent) => void>();
  private readonly resetListeners = new Set<() => void>();
  private unsubscribe: () => void = () => undefined;

  constructor(
    private initialSpec: TWorldSpec,
    readonly logger: Logger,
    options: { cdnSecret?: string } = {},
  ) {
    this.world = this.attach(new World(initialSpec));
    this.limiter = new RateLimiter(() => this.world.settings.rateLimits);
    this.cdn = new CdnSigner(
      () => this.baseUrl,
      () => this.world.settings.cdnTtlSeconds,
      options.cdnSecret,
    );
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }

  get gatewayUrl(): string {
    return `${this.baseUrl.replace(/^http/, "ws")}/gateway`;
  }

  onWorldEvent(listener: (event: WorldEvent) => void): () => void {
    this.worldListeners.add(listener);
    return () => this.worldListeners.delete(listener);
  }

  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  /** Replaces the world (a new spec, or the initial one again). Sessions, grants, limits, faults reset. */
  resetWorld(input?: unknown): World {
    const spec = input === undefined ? this.initialSpec : parseWorldSpec(input);
    if (input !== undefined) this.initialSpec = spec;
    this.world = this.attach(new World(spec));
    this.grants.clear();
    this.sessionStarts.clear();
    this.limiter.reset();
    this.faults.clear();
    this.requestLog.clear();
    this.gatewayLog.clear();
    this.auditLog.clear();
    for (const listener of this.resetListeners) listener();
    return this.world;
  }

  private attach(world: World): World {
    this.unsubscribe();
    this.unsubscribe = world.onEvent((event) => {
      for (const listener of this.worldListeners) listener(event);
    });
    return world;
  }
}
