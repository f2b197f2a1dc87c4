import { httpRouter } from "convex/server";
import { serveAttachment } from "./attachments";
import { auth } from "./auth";
import { sellappWebhook } from "./sellappWebhook";

const http = httpRouter();

auth.addHttpRoutes(http);

http.route({ path: "/webhooks/sellapp", method: "POST", handler: sellappWebhook });
// Signed, expiring attachment links (the only way customers get files): convex/attachments.ts.
http.route({ path: "/attachment", method: "GET", handler: serveAttachment });

export default http;
