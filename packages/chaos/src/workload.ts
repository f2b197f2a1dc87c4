import { DEMO_IDS, type ControlClient } from "@g3/discord-emulator";
import type { SampleKind } from "@g3/payments";
import { linkDiscord, unlinkDiscord, type Account } from "./customers.js";
import type { AckedLink, SourceMessage } from "./invariants.js";
import { buildDelivery, sendDelivery, type Delivery } from "./payments.js";
import type { PlannedStep, WorkloadKind } from "./plan.js";
import type { CustomerIdentity } from "./world.js";

export type CustomerState = {
  identity: CustomerIdentity;
  account: Account;
  orders: string[];
  subscriptions: string[];
  deliveries: Delivery[];
  /** The last link/unlink Convex acknowledged, and whether a later attempt went unanswered. */
  lastLink: AckedLink | null;
  ambiguousAfter: boolean;
  linked: boolean;
};

// A 1×1 PNG: the collector's default attachment policy takes images.
const PNG_1PX =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

const PAIRS = ["BTC/USDT", "ETH/USDT", "SOL/USDT", "XRP/USDT", "DOGE/USDT"];

/**
 * Executes the planned workload against the emulator (source messages) and Convex (payments,
 * Discord links), keeping the model the invariants are checked against. The emulator is never
 * faulted, so a source action that returns is a fact; a Convex call that fails under a fault is
 * retried (webhooks, as Sell.app does) or recorded as an open outcome (links).
 */
export class Workload {
  readonly messages: SourceMessage[] = [];
  /**
   * Every change to a source message, in order, with the content it left (null: deleted): which
   * messages a fault window touched and which versions count as caught up, for the per-fault
   * convergence probe. `lastChangeAt` alone would lose a message changed inside a window and again
   * after it.
   */
  readonly changes: { id: string; at: number; content: string | null }[] = [];
  readonly counts: Record<WorkloadKind | "skipped" | "webhook_attempts", number> = {
    post: 0,
    reply: 0,
    attachment: 0,
    edit_new: 0,
    edit_old: 0,
    delete: 0,
    bulk_delete: 0,
    pay_order: 0,
    subscribe: 0,
    renew: 0,
    cancel: 0,
    dispute: 0,
    refund: 0,
    redeliver: 0,
    link: 0,
    unlink: 0,
    skipped: 0,
    webhook_attempts: 0,
  };
  private nextTag = 1;
  private nextDelivery = 1;
  private nextOrder = 70_001;
  private nextSubscription = 90_001;
  private readonly pending: Delivery[] = [];

  constructor(
    private readonly control: ControlClient,
    readonly customers: CustomerState[],
    private readonly convex: { backendUrl: string; siteUrl: string; webhookSecret: string },
  ) {}

  get deliveries(): Delivery[] {
    return this.customers.flatMap((customer) => customer.deliveries);
  }

  get unacknowledged(): number {
    return this.pending.length;
  }

  async run(step: PlannedStep): Promise<void> {
    const done = await this.execute(step);
    this.counts[done ? step.kind : "skipped"] += 1;
  }

  /** Sends every unacknowledged delivery once more, oldest first. */
  async retryPending(): Promise<void> {
    for (const delivery of [...this.pending]) {
      this.counts.webhook_attempts += 1;
      if (await sendDelivery(this.convex.siteUrl, this.convex.webhookSecret, delivery)) {
        this.pending.splice(this.pending.indexOf(delivery), 1);
      } else {
        return; // still down: keep the order, try again later
      }
    }
  }

  private changed(id: string, content: string | null): void {
    this.changes.push({ id, at: Date.now(), content });
  }

  private live(): SourceMessage[] {
    return this.messages.filter((m) => m.deleted === "no");
  }

  private pickIn<T>(items: readonly T[], pick: number): T | undefined {
    return items[Math.floor(pick * items.length)];
  }

  private async execute(step: PlannedStep): Promise<boolean> {
    const channel = DEMO_IDS.sourceVipSignals;
    const live = this.live();
    const customer = this.pickIn(this.customers, step.pick);
    switch (step.kind) {
      case "post":
      case "reply":
      case "attachment": {
        const parent = step.kind === "reply" ? this.pickIn(live, step.pick) : undefined;
        if (step.kind === "reply" && parent === undefined) return false;
        const tag = `[ck-${this.nextTag++}]`;
        const pair = this.pickIn(PAIRS, step.pick) ?? "BTC/USDT";
        const content =
          parent === undefined
            ? `${tag} ${pair} ${step.size % 2 === 0 ? "LONG" : "SHORT"} entry ${1000 + this.nextTag} TP ${1100 + this.nextTag} SL ${900 + this.nextTag}`
            : `${tag} update on ${parent.tag}: move stop to entry`;
        const filename = `chart-${this.nextTag}.png`;
        const sent = await this.control.postMessage(channel, {
          authorId: DEMO_IDS.analystUser,
          content,
          ...(parent === undefined ? {} : { replyTo: parent.id }),
          ...(step.kind === "attachment"
            ? { attachments: [{ filename, dataBase64: PNG_1PX }] }
            : {}),
        });
        this.messages.push({
          id: sent.id,
          tag,
          content,
          attachments: sent.attachments.map((a) => a.filename),
          deleted: "no",
          lastChangeAt: Date.now(),
        });
        this.changed(sent.id, content);
        return true;
      }
      case "edit_new":
      case "edit_old": {
        const recent = live.slice(-10);
        const older = live.slice(0, -10);
        const target = this.pickIn(
          step.kind === "edit_new" || older.length === 0 ? recent : older,
          step.pick,
        );
        if (target === undefined) return false;
        const content = `${target.tag} edited (${step.kind}) TP ${2000 + step.size * 10 + this.nextTag}`;
        await this.control.editMessage(channel, target.id, { content });
        target.content = content;
        target.lastChangeAt = Date.now();
        this.changed(target.id, content);
        return true;
      }
      case "delete": {
        const target = this.pickIn(live, step.pick);
        if (target === undefined) return false;
        await this.control.deleteMessage(channel, target.id);
        target.deleted = "single";
        target.lastChangeAt = Date.now();
        this.changed(target.id, null);
        return true;
      }
      case "bulk_delete": {
        const start = Math.floor(step.pick * Math.max(0, live.length - step.size));
        const targets = live.slice(start, start + step.size);
        if (targets.length < 2) return false;
        await this.control.bulkDeleteMessages(
          channel,
          targets.map((t) => t.id),
        );
        for (const target of targets) {
          target.deleted = "bulk";
          target.lastChangeAt = Date.now();
          this.changed(target.id, null);
        }
        return true;
      }
      case "pay_order": {
        if (customer === undefined) return false;
        const orderId = String(this.nextOrder++);
        customer.orders.push(orderId);
        return this.deliver(customer, "order.completed", { orderId });
      }
      case "subscribe": {
        if (customer === undefined) return false;
        const subscriptionId = String(this.nextSubscription++);
        customer.subscriptions.push(subscriptionId);
        return this.deliver(customer, "subscription.created", {
          subscriptionId,
          orderId: String(this.nextOrder++),
        });
      }
      case "renew":
      case "cancel": {
        const subscriptionId =
          customer === undefined ? undefined : this.pickIn(customer.subscriptions, step.pick);
        if (customer === undefined || subscriptionId === undefined) return false;
        return this.deliver(
          customer,
          step.kind === "renew" ? "subscription.renewed" : "subscription.cancelled",
          { subscriptionId, orderId: String(this.nextOrder++) },
        );
      }
      case "dispute":
      case "refund": {
        const orderId =
          customer === undefined ? undefined : this.pickIn(customer.orders, step.pick);
        if (customer === undefined || orderId === undefined) return false;
        return this.deliver(
          customer,
          step.kind === "dispute" ? "order.disputed" : "order.refunded",
          { orderId },
        );
      }
      case "redeliver": {
        const acked = this.deliveries.filter((d) => d.ackedId !== undefined && !d.redelivery);
        const original = this.pickIn(acked, step.pick);
        const owner = this.customers.find((c) => c.identity.index === original?.customer);
        if (original === undefined || owner === undefined) return false;
        const again: Delivery = {
          ...original,
          seq: this.nextDelivery++,
          attempts: 0,
          redelivery: true,
        };
        delete again.ackedId;
        delete again.duplicate;
        owner.deliveries.push(again);
        await this.send(again);
        return true;
      }
      case "link":
      case "unlink": {
        if (customer === undefined) return false;
        const wantLinked = step.kind === "link";
        if (customer.linked === wantLinked && !customer.ambiguousAfter) return false;
        try {
          if (wantLinked) {
            await linkDiscord(
              this.convex.backendUrl,
              this.control,
              customer.account,
              customer.identity.discordUserId,
            );
          } else {
            await unlinkDiscord(this.convex.backendUrl, customer.account);
          }
          customer.linked = wantLinked;
          customer.lastLink = {
            customer: `customer-${customer.identity.index}`,
            linked: wantLinked,
            ackedAt: Date.now(),
          };
          customer.ambiguousAfter = false;
        } catch {
          // Unanswered (backend killed mid-call): the outcome is open until read back.
          customer.ambiguousAfter = true;
        }
        return true;
      }
    }
  }

  private async deliver(
    customer: CustomerState,
    kind: SampleKind,
    ids: { orderId?: string; subscriptionId?: string },
  ): Promise<boolean> {
    const delivery = buildDelivery(
      this.nextDelivery++,
      { index: customer.identity.index, email: customer.identity.email },
      kind,
      ids,
      Date.now(),
    );
    customer.deliveries.push(delivery);
    await this.send(delivery);
    return true;
  }

  private async send(delivery: Delivery): Promise<void> {
    // Keep Sell.app's order: nothing overtakes a delivery still waiting for its acknowledgement.
    if (this.pending.length > 0) {
      this.pending.push(delivery);
      return;
    }
    this.counts.webhook_attempts += 1;
    if (!(await sendDelivery(this.convex.siteUrl, this.convex.webhookSecret, delivery))) {
      this.pending.push(delivery);
    }
  }
}
