// Calls functions (internal ones too) with the deployment's admin key over the HTTP API — the
// same requests `npx convex run` makes — typed from the generated API.
import type { ConvexClient } from "convex/browser";
import { getFunctionName, type FunctionReference } from "convex/server";
import { convexToJson, jsonToConvex } from "convex/values";
import WebSocket from "ws";

type ClientOptions = NonNullable<ConstructorParameters<typeof ConvexClient>[1]>;

/** Node 20 has no global WebSocket; the `ws` class is what the Convex client expects. */
export const webSocketConstructor = WebSocket as unknown as ClientOptions["webSocketConstructor"];

type Kind = "query" | "mutation" | "action";
type Ref<K extends Kind> = FunctionReference<K, "internal" | "public">;

export type AdminClient = {
  query: <F extends Ref<"query">>(fn: F, args: F["_args"]) => Promise<F["_returnType"]>;
  mutation: <F extends Ref<"mutation">>(fn: F, args: F["_args"]) => Promise<F["_returnType"]>;
};

export function adminClient(url: string, adminKey: string): AdminClient {
  async function call<F extends Ref<Kind>>(
    kind: Kind,
    fn: F,
    args: F["_args"],
  ): Promise<F["_returnType"]> {
    const response = await fetch(`${url}/api/${kind}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Convex ${adminKey}` },
      body: JSON.stringify({
        path: getFunctionName(fn),
        format: "convex_encoded_json",
        args: [convexToJson(args)],
      }),
    });
    const body = (await response.json()) as {
      status: string;
      value?: unknown;
      errorMessage?: string;
    };
    if (body.status !== "success") {
      throw new Error(`${getFunctionName(fn)} failed: ${body.errorMessage ?? response.status}`);
    }
    return jsonToConvex(body.value as Parameters<typeof jsonToConvex>[0]);
  }
  return {
    query: (fn, args) => call("query", fn, args),
    mutation: (fn, args) => call("mutation", fn, args),
  };
}
