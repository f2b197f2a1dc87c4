// Deployment environment variables: the env file, then explicit values, then the URLs the
// backend owns (CONVEX_CLOUD_URL, CONVEX_SITE_URL). Functions read them from process.env.
import { readFileSync, existsSync } from "node:fs";

/** Parses a dotenv file: KEY=value, optional quotes, # comments, `export ` prefix. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (match === null) continue;
    const key = match[1] ?? "";
    let value = match[2] ?? "";
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, "\n");
    } else {
      value = value.replace(/\s+#.*$/, "");
    }
    out[key] = value;
  }
  return out;
}

export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) {
    throw new Error(`Env file "${path}" does not exist. Create it or drop --env-file.`);
  }
  return parseEnvFile(readFileSync(path, "utf8"));
}

/** Applies the deployment env to process.env (process-wide: one backend per process). */
export function applyDeploymentEnv(env: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) process.env[key] = value;
  }
}
