// Control routes: the world itself, runtime settings, OAuth2 consent.
import type { ControlRoute } from "../types.js";
import { ZControlConsent, ZControlSettingsPatch } from "../schemas.js";
import { worldSummary } from "../world-summary.js";

export const worldRoutes: ControlRoute[] = [
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
];
