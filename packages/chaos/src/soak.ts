import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adminClient } from "@g3/convex-offline";
import { refs } from "./convex-refs.js";
import { signInAgain, signUpVerified, userClient, type Account } from "./customers.js";
import { DEMO_PRODUCT_ID } from "@g3/dev-stack";
import { DEMO_VARIANT_ID } from "./payments.js";
import { convergenceStats } from "./convergence.js";
import { ConvergenceProbe } from "./convergence-probe.js";
import { FaultInjector } from "./faults.js";
import type { InvariantResult } from "./invariants.js";
import { observeAndCheck } from "./observe.js";
import { makePlan } from "./plan.js";
import { faultsNear, recoveryStats, summarise, type SoakReport } from "./report.js";
import { startChaosStack } from "./stack.js";
import { Workload, type CustomerState } from "./workload.js";
import { customerIdentities } from "./world.js";

export type SoakOptions = {
  root: string;
  durationMs: number;
  seed: number;
  /** How long the system may take to converge after the last fault. */
  settleTimeoutMs: number;
  instances: number;
  customers: number;
  /** Keep the temp dir (data and logs) even when every invariant held. */
  keep: boolean;
  say: (line: string) => void;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ADMIN_EMAIL = "admin@g3.local";
/** Access tokens live 5 minutes: every account signs in again well before its token expires. */
const SESSION_REFRESH_MS = 2 * 60_000;

/**
 * Signs every account in again (each keeps its old token when the backend is down at that
 * moment; the next round retries). Returns how many failed.
 */
async function refreshSessions(backendUrl: string, accounts: readonly Account[]): Promise<number> {
  let failed = 0;
  for (const account of accounts) {
    await signInAgain(backendUrl, account).catch(() => {
      failed += 1;
    });
  }
  return failed;
}

/**
 * The soak: start the stack, sign the customers up, run the seeded workload and fault schedule
 * for the duration, end every fault, then check the invariants until they hold or the settle
 * timeout passes. Returns the report; the stack is always stopped.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const { say } = options;
  const runId = `${options.seed}-${Date.now().toString(36)}`;
  const workDir = mkdtempSync(join(tmpdir(), "g3-chaos-"));
  const identities = customerIdentities(options.customers, runId);
  const stack = await startChaosStack({
    root: options.root,
    workDir,
    instances: options.instances,
    customers: identities,
    say,
  });
  let report: SoakReport | null = null;
  let signedIn = true; // the session refresh loop runs until the checks are done
  let probe: ConvergenceProbe | undefined;
  try {
    const admin = adminClient(stack.backendUrl, stack.adminKey);
    const latestCode = async (email: string) =>
      (await admin.query(refs.latestCode, { to: email })) ?? undefined;
    const adminAccount = await signUpVerified(stack.backendUrl, latestCode, ADMIN_EMAIL);
    // Subscription payloads name the variant only: map the demo product's variant to the tier too.
    await userClient(stack.backendUrl, adminAccount.token).mutation(refs.setProductMapping, {
      sellappProductId: DEMO_PRODUCT_ID,
      sellappVariantId: DEMO_VARIANT_ID,
      tierKey: "vip",
    });
    const customers: CustomerState[] = [];
    for (const identity of identities) {
      customers.push({
        identity,
        account: await signUpVerified(stack.backendUrl, latestCode, identity.email),
        orders: [],
        subscriptions: [],
        deliveries: [],
        lastLink: null,
        ambiguousAfter: false,
        linked: false,
      });
    }
    say(
      `${customers.length} customers signed up; soak for ${options.durationMs / 1000} s, seed ${options.seed}`,
    );
    const workload = new Workload(stack.emulator.control, customers, {
      backendUrl: stack.backendUrl,
      siteUrl: stack.siteUrl,
      webhookSecret: stack.env.SELLAPP_WEBHOOK_SECRET ?? "",
    });
    const injector = new FaultInjector(stack, say);
    probe = new ConvergenceProbe({
      log: injector.log,
      bots: stack.bots,
      control: stack.emulator.control,
      backendUrl: stack.backendUrl,
      adminKey: stack.adminKey,
      model: () => ({
        changes: workload.changes,
        tags: new Map(workload.messages.map((m) => [m.id, m.tag])),
      }),
    });
    probe.start();
    const plan = makePlan(options.seed, options.durationMs);
    const start = Date.now();
    const until = (atMs: number) => sleep(Math.max(0, start + atMs - Date.now()));
    let errors = 0;
    let running = true;
    const workloadLoop = (async () => {
      for (const step of plan.steps) {
        await until(step.atMs);
        await workload.run(step).catch((error: unknown) => {
          errors += 1;
          say(
            `workload ${step.kind} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
      }
    })();
    const faultLoop = (async () => {
      for (const fault of plan.faults) {
        await until(fault.atMs);
        injector.inject(fault);
      }
    })();
    const retryLoop = (async () => {
      while (running) {
        await workload.retryPending();
        await sleep(1_000);
      }
    })();
    const accounts = [adminAccount, ...customers.map((c) => c.account)];
    const sessionLoop = (async () => {
      let last = Date.now();
      while (signedIn) {
        await sleep(1_000);
        if (Date.now() - last < SESSION_REFRESH_MS) continue;
        last = Date.now();
        await refreshSessions(stack.backendUrl, accounts);
      }
    })();
    await Promise.all([workloadLoop, faultLoop]);
    await injector.finish();
    probe.faultsCleared();
    const faultsOver = Date.now();
    say(`schedule done (${errors} workload errors); every fault ended, settling…`);

    const deadline = faultsOver + options.settleTimeoutMs;
    while (workload.unacknowledged > 0 && Date.now() < deadline) await sleep(500);
    running = false;
    await retryLoop;
    // Fresh tokens for the checks (the backend is up again: every fault has ended).
    while ((await refreshSessions(stack.backendUrl, accounts)) > 0 && Date.now() < deadline) {
      await sleep(1_000);
    }
    const check = () =>
      observeAndCheck({
        backendUrl: stack.backendUrl,
        adminKey: stack.adminKey,
        adminToken: adminAccount.token,
        control: stack.emulator.control,
        workload,
        backendKills: injector.counts().kill_backend ?? 0,
      });
    let results: InvariantResult[] = await check();
    let convergedAt: number | null = null;
    for (;;) {
      const violations = results.reduce((n, r) => n + r.violations.length, 0);
      if (violations === 0) {
        convergedAt ??= Date.now();
        // Stable: nothing moves afterwards (a late duplicate from a zombie would show here).
        await sleep(2_000);
        results = await check();
        if (results.every((r) => r.violations.length === 0)) break;
        convergedAt = null;
        continue;
      }
      if (Date.now() >= deadline) break;
      await sleep(3_000);
      results = await check();
    }
    // Every fault's own convergence gets the same settle window as the invariants.
    while (!probe.settled && Date.now() < deadline) await sleep(500);
    await probe.stop();
    signedIn = false;
    await sessionLoop;
    const violations = results
      .flatMap((r) => r.violations)
      .map((v) => ({ ...v, faultsNear: faultsNear(injector.log, v.at, start) }));
    report = {
      ok: violations.length === 0 && workload.unacknowledged === 0,
      seed: options.seed,
      durationMs: options.durationMs,
      instances: options.instances,
      startedAt: new Date(start).toISOString(),
      workload: {
        ...workload.counts,
        source_messages: workload.messages.length,
        webhooks_acknowledged: workload.deliveries.filter((d) => d.ackedId !== undefined).length,
        webhooks_unacknowledged: workload.unacknowledged,
        workload_errors: errors,
      },
      faults: injector.counts(),
      faultLog: injector.log.map((f) => ({ ...f, atMs: f.startedAt - start })),
      timeToConvergeMs: convergedAt === null ? null : convergedAt - faultsOver,
      recovery: recoveryStats(injector.log),
      convergence: convergenceStats(injector.log),
      invariants: summarise(results),
      violations,
      logDir: stack.logDir,
    };
    return report;
  } finally {
    signedIn = false;
    await probe?.stop();
    await stack.close();
    if (report?.ok === true && !options.keep) rmSync(workDir, { recursive: true, force: true });
  }
}
