// Test kit: drift check of a running Discord emulator — does the customer channel show exactly the
// source channel? It reads both channels through the emulator's control API, so it lives here, not
// in src/ (the bot itself checks drift through Convex and discord.js: src/drift-worker.ts).
//   pnpm --filter @g3/mirror drift -- --emulator http://127.0.0.1:3300 --source <channelId> \
//     --customer <channelId> [--key '\[sig-\d+\]']
// Exit code 0 = no drift, 1 = drift (the report is printed as JSON), 2 = bad usage.
import { parseArgs } from "node:util";
import { ControlClient } from "@g3/discord-emulator";
import { checkDrift, describeDrift } from "../../src/drift.js";
import { stripMirrorFooter } from "../../src/render.js";

const { values } = parseArgs({
  options: {
    emulator: { type: "string" },
    source: { type: "string" },
    customer: { type: "string" },
    key: { type: "string" },
    "control-token": { type: "string" },
  },
});
if (values.emulator === undefined || values.source === undefined || values.customer === undefined) {
  console.error(
    "usage: drift --emulator URL --source CHANNEL_ID --customer CHANNEL_ID [--key REGEX]",
  );
  process.exit(2);
}
const control = new ControlClient(values.emulator, values["control-token"]);
const keyPattern = values.key === undefined ? undefined : new RegExp(values.key);
const keyOf = (content: string) =>
  keyPattern === undefined ? stripMirrorFooter(content) : keyPattern.exec(content)?.[0];
const source = await control.messages(values.source);
const customer = await control.messages(values.customer);
const report = checkDrift(
  source.flatMap((message) => {
    const key = keyOf(message.content);
    return key === undefined
      ? []
      : [
          {
            key,
            content: message.content,
            files: message.attachments.map((file) => file.filename),
          },
        ];
  }),
  customer.map((message) => ({
    id: message.id,
    content: message.content,
    files: message.attachments.map((file) => file.filename),
  })),
  { keyOf, normalize: stripMirrorFooter },
);
console.log(JSON.stringify(report, null, 2));
console.error(describeDrift(report));
process.exit(report.ok ? 0 : 1);
