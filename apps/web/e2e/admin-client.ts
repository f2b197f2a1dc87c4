// Calls internal functions with the deployment's admin key over the HTTP API (the same requests
// `npx convex run` makes), typed from the generated API.
import { getFunctionName, type FunctionReference } from "convex/server";
import { convexToJson, jsonToConvex } from "convex/values";

type Kind = "query" | "mutation" | "action";

export function adminClient(url: string, adminKey: string) {
  async function call<F extends FunctionReference<Kind, "internal" | "public">>(
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
    query: <F extends FunctionReference<"query", "internal" | "public">>(fn: F, args: F["_args"]) =>
      call("query", fn, args),
    mutation: <F extends FunctionReference<"mutation", "internal" | "public">>(
      fn: F,
      args: F["_args"],
    ) => call("mutation", fn, args),
  };
}
