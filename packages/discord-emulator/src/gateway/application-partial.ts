import { applicationFlags } from "../world/application.js";
import type { ApplicationRecord } from "../world/types.js";

/** READY.application: `{id, flags}` (`flags_new` is the same bitfield as a string). */
export function apiApplicationPartial(app: ApplicationRecord) {
  const flags = applicationFlags(app);
  return { id: app.id, flags, flags_new: String(flags) };
}
