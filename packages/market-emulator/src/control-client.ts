// Typed client for the control API, for tests and scripts.
import type { z } from "zod";
import type { ScriptStep } from "./price-path.js";
import type { ConnectionSettings, Faults } from "./settings.js";
import type { ZRestFailures } from "./http.js";

export type MarketState = {
  symbols: { symbol: string; price: number; scriptedSteps: number; lastTradeAt: number | null }[];
  connections: number;
  framesSent: number;
  framesDropped: number;
  settings: ConnectionSettings;
  faults: Faults;
};

export class MarketControl {
  constructor(
    private readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  state(): Promise<MarketState> {
    return this.call("GET", "/state");
  }

  async price(symbol: string): Promise<number> {
    const { price } = await this.call<{ price: number }>("GET", `/symbols/${symbol}/price`);
    return price;
  }

  /** Queues scripted steps for a symbol ("move to 66,000 over 30 s", gaps, halts). */
  script(symbol: string, steps: ScriptStep[], replace = false): Promise<{ price: number }> {
    return this.call("POST", `/symbols/${symbol}/script`, { steps, replace });
  }

  settings(settings: Partial<ConnectionSettings>): Promise<ConnectionSettings> {
    return this.call("POST", "/settings", settings);
  }

  faults(faults: Partial<Faults>): Promise<Faults> {
    return this.call("POST", "/faults", faults);
  }

  restFailures(options: z.input<typeof ZRestFailures>): Promise<unknown> {
    return this.call("POST", "/rest-failures", options);
  }

  disconnect(mode: "close" | "terminate" = "terminate"): Promise<{ disconnected: number }> {
    return this.call("POST", "/disconnect", { mode });
  }

  reset(): Promise<unknown> {
    return this.call("POST", "/reset", {});
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/_control${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(this.token === undefined ? {} : { authorization: `Bearer ${this.token}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`market control ${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }
}
