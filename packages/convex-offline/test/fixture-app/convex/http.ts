import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";
import { api } from "./_generated/api";
import { auth } from "./auth";

const http = httpRouter();
auth.addHttpRoutes(http);

http.route({
  path: "/whoami",
  method: "GET",
  handler: httpAction(async (ctx, request) => {
    const identity = await ctx.auth.getUserIdentity();
    return Response.json({ subject: identity?.subject ?? null, url: request.url });
  }),
});

http.route({
  path: "/post",
  method: "POST",
  handler: httpAction(async (ctx, request) => {
    const body = (await request.json()) as { channel: string; body: string };
    const id = await ctx.runMutation(api.messages.send, { ...body, author: "http" });
    return new Response(JSON.stringify({ id }), {
      status: 201,
      headers: { "content-type": "application/json" },
    });
  }),
});

export default http;
