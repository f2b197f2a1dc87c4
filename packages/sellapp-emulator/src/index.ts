export { seedDemoStore } from "./demo-store";
export { type Fault, FaultQueue } from "./faults";
export { sendPending } from "./delivery";
export { type SellappEmulator, type SellappEmulatorOptions, startSellappEmulator } from "./server";
export {
  type Customer,
  type Delivery,
  type DeliveryStatus,
  type NewOrder,
  type NewSubscription,
  type Order,
  type OrderStatus,
  SellappStore,
  type Subscription,
  type SubscriptionStatus,
} from "./store";
