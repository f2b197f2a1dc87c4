import { httpRouter } from "convex/server";
import { serveAttachment } from "./attachments";
import { auth } from "./auth";
import { unsubscribeOneClick, unsubscribePage } from "./emailUnsubscribe";
import { sellappWebhook } from "./sellappWebhook";

const http = httpRouter();

auth.addHttpRoutes(http);

http.route({ path: "/webhooks/sellapp", method: "POST", handler: sellappWebhook });
// Signed, expiring attachment links (the only way customers get files): convex/attachments.ts.
http.route({ path: "/attachment", method: "GET", handler: serveAttachment });

// The reminders' one-click unsubscribe (RFC 8058 POST; GET shows a confirm button only).
http.route({ path: "/email/unsubscribe", method: "GET", handler: unsubscribePage });
http.route({ path: "/email/unsubscribe", method: "POST", handler: unsubscribeOneClick });

export default http;
