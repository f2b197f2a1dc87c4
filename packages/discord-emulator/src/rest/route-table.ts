import type { RouteDef } from "./types.js";
import { gatewayRoutes } from "./routes/gateway.js";
import { guildRoutes } from "./routes/guilds.js";
import { memberRoutes } from "./routes/members.js";
import { messageRoutes } from "./routes/messages.js";
import { userRoutes } from "./routes/users.js";

export const restRoutes: RouteDef[] = [
  ...gatewayRoutes,
  ...messageRoutes,
  ...guildRoutes,
  ...memberRoutes,
  ...userRoutes,
];
