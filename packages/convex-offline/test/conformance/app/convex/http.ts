import { httpRouter } from "convex/server";
import { api } from "./_generated/api";
import { httpAction } from "./_generated/server";

const http = httpRouter();

http.route({
  path: "/messages",
  method: "POST",
  handler: httpAction(async (ctx, request) => {
    const { channel, body } = (await request.json()) as { channel: string; body: string };
    const id = await ctx.runMutation(api.messages.send, { channel, body, author: "http" });
    return Response.json({ id }, { status: 201 });
  }),
});

http.route({
  pathPrefix: "/echo/",
  method: "GET",
  handler: httpAction((_ctx, request) =>
    Promise.resolve(Response.json({ path: new URL(request.url).pathname })),
  ),
});

http.route({
  path: "/throws",
  method: "GET",
  handler: httpAction(() => {
    throw new Error("http boom");
  }),
});

export default http;
