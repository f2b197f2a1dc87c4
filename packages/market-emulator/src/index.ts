export { startMarketEmulator, type RunningMarket, type StartMarketOptions } from "./start.js";
export { MarketControl, type MarketState } from "./control-client.js";
export type { ScriptStep } from "./price-path.js";
export type { ConnectionSettings, Faults } from "./settings.js";
export { Market, type Trade } from "./market.js";
