import { env } from "../../_generated/server";

/** Reads a Convex environment variable at run time; the message says how to fix a missing one. */
export function requireEnv(name: string): string {
  const value = env[name];
  if (value === undefined || value === "") {
    throw new Error(
      `Missing Convex environment variable ${name}. Set it with \`npx convex env set ${name} …\` ` +
        `(or in .env.local for the offline backend).`,
    );
  }
  return value;
}

export function optionalEnv(name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}
