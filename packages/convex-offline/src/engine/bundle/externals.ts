// Packages a "use node" bundle leaves external: convex.json's `node.externalPackages` (["*"] =
// every dependency) among the dependencies of the app's package.json that are installed beside
// it, never `convex` itself and never file:/URL versions — the CLI's computeExternalPackages.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";

const convexJsonSchema = z.object({
  node: z.object({ externalPackages: z.array(z.string()).optional() }).optional(),
});
const packageJsonSchema = z.record(z.string(), z.unknown());
const DEPENDENCY_KEYS = [
  "dependencies",
  "devDependencies",
  "peerDependencies",
  "optionalDependencies",
];
const BUNDLED_VERSION_PREFIXES = [
  "file:",
  "git+file://",
  "http://",
  "https://",
  "git://",
  "git+ssh://",
  "git+http://",
  "git+https://",
];

/** The nearest package.json at or above dir. */
export function findPackageJson(dir: string): string | null {
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, "package.json");
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return null;
  }
}

export function externalPackages(functionsDir: string): Set<string> {
  const packageJsonPath = findPackageJson(dirname(functionsDir));
  if (packageJsonPath === null) return new Set();
  const root = dirname(packageJsonPath);
  const convexJsonPath = join(root, "convex.json");
  const allowList = existsSync(convexJsonPath)
    ? (convexJsonSchema.parse(JSON.parse(readFileSync(convexJsonPath, "utf8"))).node
        ?.externalPackages ?? [])
    : [];
  if (allowList.length === 0) return new Set();
  const manifest = packageJsonSchema.parse(JSON.parse(readFileSync(packageJsonPath, "utf8")));
  const external = new Set<string>();
  for (const key of DEPENDENCY_KEYS) {
    const deps = z
      .record(z.string(), z.string())
      .catch({})
      .parse(manifest[key] ?? {});
    for (const [name, version] of Object.entries(deps)) {
      if (name === "convex") continue;
      if (BUNDLED_VERSION_PREFIXES.some((prefix) => version.startsWith(prefix))) continue;
      if (!allowList.includes("*") && !allowList.includes(name)) continue;
      if (existsSync(join(root, "node_modules", name))) external.add(name);
    }
  }
  return external;
}
