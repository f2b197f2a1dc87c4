// Resolves a udfPath ("dir/module:export", "module" = default export) to a registered
// Convex function and its kind and visibility.
export type FunctionKind = "query" | "mutation" | "action";
export type ResolvedFunction = {
  readonly udfPath: string;
  readonly kind: FunctionKind;
  readonly isPublic: boolean;
};

type RegisteredFlags = {
  isQuery?: boolean;
  isMutation?: boolean;
  isAction?: boolean;
  isPublic?: boolean;
  isInternal?: boolean;
};

/** No public (or, for admins, no) function at this path; the message is set by the caller. */
export class FunctionNotFoundError extends Error {
  constructor(readonly udfPath: string) {
    super(`Could not find public function for '${udfPath}'.`);
  }
}

/** "messages.js:list" → "messages:list"; "messages" → "messages:default". */
export function canonicalUdfPath(path: string): string {
  const [modulePath = "", exportName = "default"] = path.split(":");
  return `${modulePath.replace(/\.(js|ts|mjs|jsx|tsx)$/, "")}:${exportName}`;
}

/**
 * Resolves a path to a registered function. Every way of not finding one (no such module, no
 * such export, not a query/mutation/action) is one FunctionNotFoundError: Convex answers them
 * all alike (see calls.ts for the texts).
 */
export async function resolveFunction(
  importModule: (modulePath: string) => Promise<Record<string, unknown>>,
  path: string,
): Promise<ResolvedFunction> {
  const udfPath = canonicalUdfPath(path);
  const [modulePath = "", exportName = "default"] = udfPath.split(":");
  let module: Record<string, unknown>;
  try {
    module = await importModule(modulePath);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("Could not find module")) {
      throw new FunctionNotFoundError(udfPath);
    }
    throw error;
  }
  const fn = module[exportName] as RegisteredFlags | undefined;
  if (fn === undefined || (typeof fn !== "function" && typeof fn !== "object") || fn === null) {
    throw new FunctionNotFoundError(udfPath);
  }
  const kind: FunctionKind | null = fn.isQuery
    ? "query"
    : fn.isMutation
      ? "mutation"
      : fn.isAction
        ? "action"
        : null;
  if (kind === null) throw new FunctionNotFoundError(udfPath);
  return { udfPath, kind, isPublic: fn.isPublic === true };
}
