import { applicationFlags } from "../world/application.js";
import type { ApplicationRecord } from "../world/types.js";

/** READY.application: `{id, flags}`. */
export function apiApplicationPartial(app: ApplicationRecord) {
  return { id: app.id, flags: applicationFlags(app) };
}
