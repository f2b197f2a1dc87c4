// The esbuild plugins the Convex CLI bundles with (convex/src/bundler: serverOnly.ts, wasm.ts,
// external.ts and the async_hooks shim of debugBundle.ts), adapted to a backend that runs the
// bundles in Node.
import { readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import type { Plugin } from "esbuild";

/** `import "server-only"` (Next.js) becomes an empty module. */
export const serverOnlyPlugin: Plugin = {
  name: "convex-server-only",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, (args) => ({
      path: args.path,
      namespace: "server-only-stub",
    }));
    build.onLoad({ filter: /.*/, namespace: "server-only-stub" }, () => ({
      contents: "",
      loader: "js",
    }));
  },
};

/**
 * Convex's runtime offers AsyncLocalStorage without Node's module, and the CLI shims
 * `async_hooks` to it for non-"use node" code. Our runtime is Node, so the shim re-exports the
 * real module (its own import is left external).
 */
export const asyncHooksShimPlugin: Plugin = {
  name: "convex-async-hooks-shim",
  setup(build) {
    build.onResolve({ filter: /^(node:)?async_hooks$/ }, (args) =>
      args.namespace === "async-hooks-shim"
        ? { path: "node:async_hooks", external: true }
        : { path: args.path, namespace: "async-hooks-shim" },
    );
    build.onLoad({ filter: /.*/, namespace: "async-hooks-shim" }, () => ({
      contents: `import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
export { AsyncLocalStorage, AsyncResource };
export default { AsyncLocalStorage, AsyncResource };`,
      loader: "js",
    }));
  },
};

/** `.wasm` imports become compiled `WebAssembly.Module`s, as the CLI does. */
export const wasmPlugin: Plugin = {
  name: "convex-wasm",
  setup(build) {
    build.onResolve({ filter: /\.wasm$/ }, (args) => {
      if (args.namespace === "wasm-stub") return { path: args.path, namespace: "wasm-binary" };
      if (args.resolveDir === "") return undefined;
      return {
        path: isAbsolute(args.path) ? args.path : join(args.resolveDir, args.path),
        namespace: "wasm-stub",
      };
    });
    build.onLoad({ filter: /.*/, namespace: "wasm-stub" }, (args) => ({
      contents: `import wasm from ${JSON.stringify(args.path)}
export default new WebAssembly.Module(wasm)`,
    }));
    build.onLoad({ filter: /.*/, namespace: "wasm-binary" }, async (args) => ({
      contents: await readFile(args.path),
      loader: "binary",
    }));
  },
};

function packageName(importPath: string): string {
  const parts = importPath.split("/");
  return importPath.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? importPath);
}

/**
 * Leaves the packages named in convex.json's `node.externalPackages` unbundled in "use node"
 * modules (they resolve from node_modules at run time), as the CLI's external plugin does.
 */
export function externalPackagesPlugin(external: ReadonlySet<string>): Plugin {
  return {
    name: "convex-node-externals",
    setup(build) {
      build.onResolve({ namespace: "file", filter: /.*/ }, (args) => {
        if (args.path.startsWith(".") || isAbsolute(args.path)) return undefined;
        return external.has(packageName(args.path))
          ? { path: args.path, external: true }
          : undefined;
      });
    },
  };
}
