import { seedDemoStore } from "./demo-store";
import { startSellappEmulator } from "./server";

/**
 * `pnpm --filter @g3/sellapp-emulator start [--port 3400] [--demo <productId>:<variantId>]`
 * (`--demo`: the small legacy store of demo-store.ts, for the local stack's cutover rehearsal). The key and signing secret come from
 * SELLAPP_API_KEY and SELLAPP_WEBHOOK_SECRET, the delivery target from SELLAPP_EMULATOR_WEBHOOK_URL;
 * neither secret is printed.
 */
function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const apiKey = process.env.SELLAPP_API_KEY;
const signingSecret = process.env.SELLAPP_WEBHOOK_SECRET;
if (apiKey === undefined || apiKey === "" || signingSecret === undefined || signingSecret === "") {
  console.error(
    "set SELLAPP_API_KEY and SELLAPP_WEBHOOK_SECRET (the emulator accepts and signs with them)",
  );
  process.exit(2);
}
const emulator = await startSellappEmulator({
  port: Number(arg("port") ?? process.env.SELLAPP_EMULATOR_PORT ?? 3400),
  apiKey,
  signingSecret,
  ...(process.env.SELLAPP_EMULATOR_WEBHOOK_URL === undefined
    ? {}
    : { webhookUrl: process.env.SELLAPP_EMULATOR_WEBHOOK_URL }),
});
const demo = arg("demo");
if (demo !== undefined) {
  const [productId, variantId] = demo.split(":").map(Number);
  if (!Number.isInteger(productId) || !Number.isInteger(variantId)) {
    console.error("--demo takes <productId>:<variantId>, e.g. 501:601");
    process.exit(2);
  }
  seedDemoStore(
    emulator.store,
    { productId: productId ?? 0, variantId: variantId ?? 0 },
    Date.now(),
  );
}
console.log(
  JSON.stringify({
    level: "info",
    event: "sellapp_emulator.listening",
    apiUrl: emulator.apiUrl,
    orders: emulator.store.orders.size,
    subscriptions: emulator.store.subscriptions.size,
  }),
);
const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
