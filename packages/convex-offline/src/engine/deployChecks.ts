// What Convex checks when it analyses pushed modules, with its messages (convex-backend:
// isolate/src/environment/analyze.rs, node_executor/src/executor.rs, common/src/schemas): a
// module that would fail the push fails to load here, instead of being dropped at run time.
import { DeployError } from "./bundle/entryPoints.js";
import { type LoadedModules } from "./modules.js";

type Flags = { isQuery?: boolean; isMutation?: boolean; isAction?: boolean };

function hasTrueFlag(value: unknown, flag: string): boolean {
  return (
    typeof value === "object" && value !== null && (value as Record<string, unknown>)[flag] === true
  );
}

async function checkHttp(modules: LoadedModules): Promise<void> {
  if (!modules.modulePaths.includes("http")) return;
  const module = await modules.importModule("http");
  if (!("default" in module)) {
    throw new DeployError("`convex/http.js` must have a default export of a Router.");
  }
  if (!hasTrueFlag(module.default, "isRouter")) {
    throw new DeployError("The default export of `convex/http.js` is not a Router.");
  }
}

async function checkCrons(modules: LoadedModules): Promise<void> {
  if (!modules.modulePaths.includes("crons")) return;
  const module = await modules.importModule("crons");
  if (!("default" in module)) {
    throw new DeployError("`convex/crons.js` must have a default export of a Crons object.");
  }
  if (!hasTrueFlag(module.default, "isCrons")) {
    throw new DeployError("The default export of `convex/crons.js` is not a Crons object.");
  }
}

/** The schema module's default export, checked as Convex checks it (null without a schema). */
export async function loadSchemaExport(modules: LoadedModules): Promise<unknown> {
  const loaded = modules.importFile("schema.ts") ?? modules.importFile("schema.js");
  if (loaded === null) return null;
  const module = await loaded;
  const schema = module.default as { export?: unknown; tables?: unknown } | undefined;
  if (
    typeof schema !== "object" ||
    schema === null ||
    typeof schema.export !== "function" ||
    typeof schema.tables !== "object"
  ) {
    throw new DeployError(
      "Default export from schema file isn't a Convex schema. To learn more, see the schema documentation at https://docs.convex.dev/database/schemas.",
    );
  }
  return schema;
}

async function checkNodeModules(modules: LoadedModules): Promise<void> {
  for (const modulePath of modules.modulePaths) {
    if (modules.environment(modulePath) !== "node") continue;
    const module = await modules.importModule(modulePath);
    for (const [name, value] of Object.entries(module)) {
      const flags =
        (typeof value === "function" || typeof value === "object") && value !== null
          ? (value as Flags)
          : {};
      const kind = flags.isQuery ? "Query" : flags.isMutation ? "Mutation" : null;
      if (kind !== null) {
        throw new DeployError(
          `\`${name}\` defined in \`"${modulePath}.js"\` is a ${kind} function. Only actions can be defined in Node.js. See https://docs.convex.dev/functions/actions for more details.`,
        );
      }
    }
  }
}

export async function checkDeployable(modules: LoadedModules): Promise<void> {
  await checkHttp(modules);
  await checkCrons(modules);
  await checkNodeModules(modules);
}
