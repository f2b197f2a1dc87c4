// Loads each installed component as a push deploys it: its directory bundled like the app's
// functions directory (bundle/, the build reused while no file changes), every module imported
// up front so a broken component fails the start naming it, and its schema read.
import type { ExportedTable } from "./vendor/convexTest.js";
import { type InstalledComponent, findComponents } from "./components.js";
import { checkDeployable, loadSchemaExport } from "./deployChecks.js";
import { type LoadedModules, loadModules } from "./modules.js";

export type ComponentSchema = {
  readonly export: () => unknown;
  readonly tables: Record<string, { export(): ExportedTable }>;
  readonly schemaValidation?: boolean;
};

export type LoadedComponent = InstalledComponent & {
  readonly modules: LoadedModules;
  readonly schema: ComponentSchema | null;
  /** The component's tables by their own (un-namespaced) names. */
  readonly tables: Map<string, ExportedTable> | null;
};

async function loadComponent(component: InstalledComponent): Promise<LoadedComponent> {
  const modules = await loadModules(component.dir);
  try {
    for (const modulePath of modules.modulePaths) {
      try {
        await modules.importModule(modulePath);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Failed to load component ${component.path} (${modulePath}): ${reason}`, {
          cause: error,
        });
      }
    }
    await checkDeployable(modules);
    const schema = (await loadSchemaExport(modules)) as ComponentSchema | null;
    const tables = schema
      ? new Map(Object.entries(schema.tables).map(([name, table]) => [name, table.export()]))
      : null;
    return { ...component, modules, schema, tables };
  } catch (error) {
    await modules.dispose();
    throw error;
  }
}

/** Every component of the app's convex.config, loaded; [] for an app without components. */
export async function loadComponents(functionsDir: string): Promise<LoadedComponent[]> {
  const loaded: LoadedComponent[] = [];
  try {
    for (const component of await findComponents(functionsDir)) {
      loaded.push(await loadComponent(component));
    }
  } catch (error) {
    await Promise.all(loaded.map((component) => component.modules.dispose()));
    throw error;
  }
  return loaded;
}
