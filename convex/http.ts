import { httpRouter } from "convex/server";
import { auth } from "./auth";
import { sellappWebhook } from "./sellappWebhook";

const http = httpRouter();

auth.addHttpRoutes(http);

http.route({ path: "/webhooks/sellapp", method: "POST", handler: sellappWebhook });

export default http;
