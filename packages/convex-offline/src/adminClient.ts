// Calls any function, internal ones too, with the deployment's admin key over the HTTP API — the
// same requests `npx convex run` makes — typed from the app's generated API. For tests, seeding
// and benchmarks against this backend (or any Convex deployment whose admin key you hold).
import { getFunctionName, type FunctionReference } from "convex/server";
import { convexToJson, jsonToConvex } from "convex/values";

type Kind = "query" | "mutation" | "action";
type Ref<K extends Kind> = FunctionReference<K, "internal" | "public">;

export type AdminClient = {
  query: <F extends Ref<"query">>(fn: F, args: F["_args"]) => Promise<F["_returnType"]>;
  mutation: <F extends Ref<"mutation">>(fn: F, args: F["_args"]) => Promise<F["_returnType"]>;
  action: <F extends Ref<"action">>(fn: F, args: F["_args"]) => Promise<F["_returnType"]>;
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
    const text = await response.text();
    let body: { status?: string; value?: unknown; errorMessage?: string } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // Not a function result (e.g. 401 for a wrong admin key): report the status and text below.
    }
    if (body.status !== "success") {
      const reason = body.errorMessage ?? `HTTP ${response.status}: ${text.slice(0, 300)}`;
      throw new Error(`${getFunctionName(fn)} failed: ${reason}`);
    }
    return jsonToConvex(body.value as Parameters<typeof jsonToConvex>[0]);
  }
  return {
    query: (fn, args) => call("query", fn, args),
    mutation: (fn, args) => call("mutation", fn, args),
    action: (fn, args) => call("action", fn, args),
  };
}
