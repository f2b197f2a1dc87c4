import { randomBytes } from "node:crypto";
import { decryptAes128gcm } from "./aes128gcm";
import { generateSubscriptionKeys, type SubscriptionKeys } from "./keys";

export type FaultStatus = 404 | 410 | 429 | 500 | 502 | 503;
/** Answers `status` instead of accepting, `remaining` more times (undefined: until cleared). */
export type Fault = { status: FaultStatus; remaining?: number; retryAfterSeconds?: number };

export type StoredMessage = {
  id: string;
  receivedAt: number;
  ttl: number;
  urgency: string;
  topic?: string;
  /** The VAPID `sub` claim and key the sender signed with. */
  subject?: string;
  vapidPublicKey: string;
  /** The encrypted body as received (aes128gcm). */
  body: Buffer;
};

export type DecryptedMessage = Omit<StoredMessage, "body"> & {
  /** UTF-8 plaintext, or null when the keys are unknown or decryption failed (see `error`). */
  payload: string | null;
  error?: string;
};

type Subscription = {
  id: string;
  keys?: SubscriptionKeys;
  /** When set, only pushes signed with this VAPID key are accepted (403 otherwise). */
  applicationServerKey?: string;
  messages: StoredMessage[];
  /** Every push attempt that named this subscription, accepted or not. */
  attempts: { at: number; status: number }[];
  fault?: Fault;
};

const MAX_MESSAGES = 1000;

/** Subscriptions and what was pushed to them, in memory. */
export class PushStore {
  private readonly subscriptions = new Map<string, Subscription>();

  create(options: {
    keys?: SubscriptionKeys;
    generateKeys?: boolean;
    applicationServerKey?: string;
  }): {
    id: string;
    keys?: SubscriptionKeys;
  } {
    const id = randomBytes(12).toString("base64url");
    const keys =
      options.keys ?? (options.generateKeys === false ? undefined : generateSubscriptionKeys());
    this.subscriptions.set(id, {
      id,
      ...(keys === undefined ? {} : { keys }),
      ...(options.applicationServerKey === undefined
        ? {}
        : { applicationServerKey: options.applicationServerKey }),
      messages: [],
      attempts: [],
    });
    return keys === undefined ? { id } : { id, keys };
  }

  get(id: string): Subscription | undefined {
    return this.subscriptions.get(id);
  }

  remove(id: string): boolean {
    return this.subscriptions.delete(id);
  }

  setFault(id: string, fault: Fault | undefined): boolean {
    const subscription = this.subscriptions.get(id);
    if (subscription === undefined) return false;
    if (fault === undefined) delete subscription.fault;
    else subscription.fault = { ...fault };
    return true;
  }

  /** The fault to answer for this push, if any; counts it down. */
  takeFault(id: string): Fault | undefined {
    const subscription = this.subscriptions.get(id);
    const fault = subscription?.fault;
    if (subscription === undefined || fault === undefined) return undefined;
    if (fault.remaining !== undefined) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) delete subscription.fault;
    }
    return fault;
  }

  recordAttempt(id: string, status: number): void {
    this.subscriptions.get(id)?.attempts.push({ at: Date.now(), status });
  }

  accept(id: string, message: Omit<StoredMessage, "id">): StoredMessage {
    const subscription = this.subscriptions.get(id);
    if (subscription === undefined) throw new Error(`no subscription ${id}`);
    const stored = { ...message, id: randomBytes(9).toString("base64url") };
    subscription.messages.push(stored);
    if (subscription.messages.length > MAX_MESSAGES) subscription.messages.shift();
    return stored;
  }

  attempts(id: string): { at: number; status: number }[] {
    return [...(this.subscriptions.get(id)?.attempts ?? [])];
  }

  /** Messages in arrival order, decrypted with the subscription's keys when the stand-in has them. */
  messages(id: string): DecryptedMessage[] {
    const subscription = this.subscriptions.get(id);
    if (subscription === undefined) return [];
    return subscription.messages.map(({ body, ...rest }) => {
      if (subscription.keys === undefined) return { ...rest, payload: null, error: "keys unknown" };
      try {
        return { ...rest, payload: decryptAes128gcm(body, subscription.keys).toString("utf8") };
      } catch (error) {
        return {
          ...rest,
          payload: null,
          error: error instanceof Error ? error.message : String(error),
        };
      }
    });
  }
}
