import { startSellappEmulator } from "./server";

/**
 * `pnpm --filter @g3/sellapp-emulator start [--port 3400]`. The key and signing secret come from
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
console.log(
  JSON.stringify({ level: "info", event: "sellapp_emulator.listening", apiUrl: emulator.apiUrl }),
);
const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
