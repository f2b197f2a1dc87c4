import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

/**
 * The client code every page loads — the root layout's client components and the root error
 * boundary (Next loads app/error.tsx's chunk with every page) — stays off the Convex packages: the
 * public pages (landing, pricing, legal texts) ship no Convex client, and an import of
 * `convex/values` from the error page once put the Convex client's shared chunk (5 KB gzip) on
 * every one of them (docs/performance.md "Lighthouse"). The live pages add the client through
 * their own layouts (components/live-app-providers.tsx); the sign-in pages need none.
 *
 * A scan of the import graph: from the root layout and the error page, every local module is
 * followed; below a "use client" module, a run-time import of a Convex package is an offender
 * (type-only imports are erased and cost nothing).
 */
const SRC = fileURLToPath(new URL("..", import.meta.url));
const CONVEX_DIR = fileURLToPath(new URL("../../../../convex/", import.meta.url));
const ROOTS = ["app/layout.tsx", "app/error.tsx"].map((path) => join(SRC, path));
const CONVEX_PACKAGE = /^(convex|@convex-dev\/)/;

const IMPORT =
  /^\s*(import|export)\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm;

function resolveLocal(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = join(SRC, specifier.slice(2));
  else if (specifier.startsWith("@convex/")) base = join(CONVEX_DIR, specifier.slice(8));
  else if (specifier.startsWith(".")) base = join(dirname(from), specifier);
  else return null;
  if (/\.(css|svg|png|json)$/.test(specifier)) return null; // assets: no imports of their own
  const stem = base.replace(/\.js$/, "");
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, `${stem}.js`, join(base, "index.ts")]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot resolve ${specifier} from ${from}`);
}

function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((match) => match[2] ?? match[3] ?? "");
}

function isClientModule(file: string): boolean {
  return /^\s*["']use client["']/.test(readFileSync(file, "utf8"));
}

/** "where: what" for each run-time import of a Convex package reached from client code. */
function convexImportsInClientCode(roots: readonly string[]): string[] {
  const offenders: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const client = inClient || isClientModule(file);
    const key = `${file}:${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const specifier of runtimeImports(file)) {
      const local = resolveLocal(file, specifier);
      if (local !== null) visit(local, client);
      else if (client && CONVEX_PACKAGE.test(specifier)) {
        offenders.push(`${relative(SRC, file)}: ${specifier}`);
      }
    }
  };
  for (const root of roots) visit(root, false);
  return offenders;
}

test("the client code every page loads imports no Convex package", () => {
  expect(convexImportsInClientCode(ROOTS)).toEqual([]);
});

/** Every package a module reached from `roots` imports at run time, server modules included. */
function packagesImported(roots: readonly string[]): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      const local = resolveLocal(file, specifier);
      if (local !== null) visit(local);
      else packages.add(specifier);
    }
  };
  roots.forEach(visit);
  return packages;
}

test("no module every page renders imports Convex Auth's Next.js server index", () => {
  // The index also exports the server provider; a server component importing it (for the token)
  // made Next list Convex Auth's client provider (3.3 KB gzip) in the root layout's chunks. The
  // header reads the cookie itself (lib/request-session-token.ts).
  expect([...packagesImported(ROOTS)]).not.toContain("@convex-dev/auth/nextjs/server");
  // …and the scan does see it where it is imported.
  expect([...packagesImported(segment("app/feed"))]).toContain("@convex-dev/auth/nextjs/server");
});

/** A route segment's page and, when it has one, its layout. */
function segment(path: string): string[] {
  return ["page.tsx", "layout.tsx"]
    .map((name) => join(SRC, path, name))
    .filter((file) => existsSync(file));
}

test("the sign-in, sign-up and reset pages import no Convex package either", () => {
  // Their forms post to the auth proxy themselves (lib/sign-in.ts): the Convex client and Convex
  // Auth's React client (about 26 KB gzip) stay off the pages a visitor signs in on.
  const roots = ["app/signin", "app/signup", "app/reset"].flatMap(segment);
  expect(convexImportsInClientCode(roots)).toEqual([]);
});

test("the scan reports client code that does import one (it would catch the regression)", () => {
  // The feed's layout adds the live client: from there the scan must find the imports.
  const offenders = convexImportsInClientCode(segment("app/feed"));
  expect(offenders).toContain("components/convex-client-provider.tsx: convex/react");
});
