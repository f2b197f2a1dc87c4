// Loads each installed component as a push deploys it: its directory bundled like the app's
// functions directory (bundle/, the build reused while no file changes), every module imported
// up front so a broken component fails the start naming it, and its schema read.
import type { ExportedTable } from "./vendor/convexTest.js";
import { type InstalledComponent, findComponents } from "./components.js";
import { checkDeployable, loadSchemaExport } from "./deployChecks.js";
import { type LoadedModules, importEveryModule, loadModules } from "./modules.js";

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
    await importEveryModule(modules, (modulePath) => `component ${component.path} (${modulePath})`);
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
