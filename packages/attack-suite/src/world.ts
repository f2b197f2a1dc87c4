// Fixed facts of the world the suite attacks. The secrets are the suite's own (the backend it starts
// is configured with them); none of them is a real credential.

export const SERVICE_SECRET = "attack-suite-service-secret-0123456789abcdef";
export const WEBHOOK_SECRET = "attack-suite-sellapp-secret-0123456789abcdef";

/** Planted in every paid signal's text: seeing it without access is a leak. */
export const SIGNAL_MARKER = "ZZMARKER-paid-signal-content-7f3a";

/** Part of a bystander's email: only admins may ever read other users' emails. */
export const BYSTANDER_MARKER = "zzbystander-7f3a";

/** The admin account (ADMIN_EMAILS) of the suite's backend. */
export const ADMIN_EMAIL = "admin@attack.test";

/** Passes any sane strength policy: long, mixed, not a dictionary word. */
export const STRONG_PASSWORD = "Ql7#vaporous-Turnip-quartz-92";

/** The demo tier every paid actor buys (seeded by @g3/dev-stack's seedDemoWorld). */
export const TIER = "vip";

/** A unique suffix per run and call site, so parallel test files never share accounts. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
