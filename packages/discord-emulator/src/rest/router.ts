// Matches "/channels/123/messages" against route templates; yields params and the route key
// ("METHOD /template") used for buckets, logs and fault matching.
import type { RouteDef } from "./types.js";

type Compiled = { def: RouteDef; segments: string[] };

export type RouteMatch = {
  def: RouteDef;
  params: Record<string, string>;
  routeKey: string;
  major: string;
};

export class Router {
  private readonly routes: Compiled[];

  constructor(defs: RouteDef[]) {
    this.routes = defs.map((def) => ({ def, segments: def.template.split("/").filter(Boolean) }));
  }

  /** `null` = no such path; `"method"` = path exists but not for this method. */
  match(method: string, path: string): RouteMatch | "method" | null {
    const parts = path.split("/").filter(Boolean);
    let pathMatched = false;
    // Literal segments win over parameters (e.g. /users/@me vs /users/:user_id).
    const candidates = this.routes
      .map((route) => ({ route, params: matchSegments(route.segments, parts) }))
      .filter((c): c is { route: Compiled; params: Record<string, string> } => c.params !== null)
      .sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length);
    for (const { route, params } of candidates) {
      pathMatched = true;
      if (route.def.method !== method) continue;
      const major = params.channel_id ?? params.guild_id ?? params.webhook_id ?? "";
      return {
        def: route.def,
        params,
        routeKey: `${route.def.method} ${route.def.template}`,
        major,
      };
    }
    return pathMatched ? "method" : null;
  }
}

export function matchSegments(template: string[], parts: string[]): Record<string, string> | null {
  if (template.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i += 1) {
    const t = template[i] ?? "";
    const p = parts[i] ?? "";
    if (t.startsWith(":")) {
      params[t.slice(1)] = decodeURIComponent(p);
      continue;
    }
    if (t !== p) return null;
  }
  return params;
}
