// The application object (GET /applications/@me, READY.application, /oauth2/@me).
import { ApplicationFlags } from "discord-api-types/v10";
import type { ApplicationRecord, UserRecord } from "./types.js";
import { apiUser } from "./serialize.js";

export function applicationFlags(app: ApplicationRecord): number {
  let flags = 0;
  if (app.privilegedIntents.includes("GuildMembers")) flags |= ApplicationFlags.GatewayGuildMembers;
  if (app.privilegedIntents.includes("GuildPresences")) flags |= ApplicationFlags.GatewayPresence;
  if (app.privilegedIntents.includes("MessageContent"))
    flags |= ApplicationFlags.GatewayMessageContent;
  return flags;
}

export function apiApplication(
  app: ApplicationRecord,
  botUser: UserRecord,
  owner: UserRecord | undefined,
) {
  return {
    id: app.id,
    name: app.name,
    icon: null,
    description: "",
    summary: "",
    type: null,
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: "0".repeat(64),
    flags: applicationFlags(app),
    redirect_uris: [...app.redirectUris],
    owner: owner ? apiUser(owner) : undefined,
    team: null,
    bot: apiUser(botUser),
  };
}
