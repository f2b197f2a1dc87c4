// Users and applications: /users/@me (Bot or Bearer), /users/@me/guilds, /users/:id,
// /applications/@me, /oauth2/@me (Bearer), /oauth2/applications/@me.
import { Errors } from "../../errors.js";
import { apiApplication } from "../../world/application.js";
import { apiUser } from "../../world/serialize.js";
import type { RestContext, RouteDef } from "../types.js";

function me(ctx: RestContext) {
  const user = ctx.core.world.user(ctx.actor.userId);
  if (ctx.actor.kind === "bot")
    return { ...apiUser(user), verified: true, mfa_enabled: false, locale: "en-US" };
  const scopes = ctx.actor.grant.scopes;
  if (!scopes.includes("identify")) throw Errors.unauthorized();
  const base = { ...apiUser(user), mfa_enabled: false, locale: "en-US", premium_type: 0 };
  return scopes.includes("email") ? { ...base, email: user.email ?? null, verified: true } : base;
}

function application(ctx: RestContext) {
  const world = ctx.core.world;
  const appId = ctx.actor.kind === "bot" ? ctx.actor.app.id : ctx.actor.grant.applicationId;
  const app = world.applications.get(appId);
  if (!app) throw Errors.unknownApplication();
  const ownerId = [...world.guilds.values()].find((g) => g.members.has(app.bot.id))?.ownerId;
  return apiApplication(
    app,
    world.user(app.bot.id),
    ownerId ? world.users.get(ownerId) : undefined,
  );
}

export const userRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/users/@me",
    auth: "any",
    handler: (ctx) => ({ status: 200, body: me(ctx) }),
  },
  {
    method: "GET",
    template: "/users/@me/guilds",
    auth: "any",
    handler: (ctx) => {
      if (ctx.actor.kind === "bearer" && !ctx.actor.grant.scopes.includes("guilds"))
        throw Errors.unauthorized();
      const guilds = ctx.core.world.guildsOf(ctx.actor.userId).map((g) => ({
        id: g.id,
        name: g.name,
        icon: null,
        banner: null,
        owner: g.ownerId === ctx.actor.userId,
        permissions: "0",
        features: [],
      }));
      return { status: 200, body: guilds };
    },
  },
  {
    method: "GET",
    template: "/users/:user_id",
    auth: "bot",
    handler: (ctx) => ({
      status: 200,
      body: apiUser(ctx.core.world.user(ctx.params.user_id ?? "")),
    }),
  },
  {
    method: "GET",
    template: "/applications/@me",
    auth: "bot",
    handler: (ctx) => ({ status: 200, body: application(ctx) }),
  },
  {
    method: "GET",
    template: "/oauth2/applications/@me",
    auth: "bot",
    handler: (ctx) => ({ status: 200, body: application(ctx) }),
  },
  {
    method: "GET",
    template: "/oauth2/@me",
    auth: "bearer",
    handler: (ctx) => {
      if (ctx.actor.kind !== "bearer") throw Errors.unauthorized();
      const { grant } = ctx.actor;
      const user = ctx.core.world.user(grant.userId);
      return {
        status: 200,
        body: {
          application: application(ctx),
          scopes: grant.scopes,
          expires: new Date(grant.accessExpiresAt).toISOString(),
          ...(grant.scopes.includes("identify") ? { user: apiUser(user) } : {}),
        },
      };
    },
  },
];
