// The audited customer's feed is not empty: a paying customer opens a feed with history. Signals
// go in the way the collector writes them (the public ingest mutation with the service secret),
// into the demo world's mapped VIP channel, a minute apart and oldest first.
import { DEMO_IDS } from "@g3/discord-emulator";
import { ConvexHttpClient } from "convex/browser";
import { api } from "../../../convex/_generated/api.js";

/** More than the first screen shows (the live head and the first history page). */
export const AUDITED_FEED_SIGNALS = 40;

type Instrument = { pair: string; price: number; decimals: number };
const INSTRUMENTS: readonly Instrument[] = [
  { pair: "BTC/USDT", price: 64_250, decimals: 0 },
  { pair: "ETH/USDT", price: 3_410, decimals: 1 },
  { pair: "SOL/USDT", price: 142.6, decimals: 2 },
  { pair: "XRP/USDT", price: 0.6123, decimals: 4 },
  { pair: "LINK/USDT", price: 14.82, decimals: 3 },
];

/** The text of the `index`-th seeded signal: a plain long or short call with entry, targets, stop. */
export function seededSignalText(index: number): string {
  const instrument = INSTRUMENTS[index % INSTRUMENTS.length] ?? INSTRUMENTS[0];
  if (instrument === undefined) throw new Error("no instruments");
  const long = index % 3 !== 2;
  const step = instrument.price * 0.02;
  const at = (offset: number) => (instrument.price + offset * step).toFixed(instrument.decimals);
  const sign = long ? 1 : -1;
  return [
    `${instrument.pair} ${long ? "LONG" : "SHORT"}`,
    `Entry: ${at(-0.25 * sign)} - ${at(0.25 * sign)}`,
    `Targets: ${at(1 * sign)}, ${at(2 * sign)}, ${at(3 * sign)}`,
    `SL: ${at(-1.5 * sign)}`,
  ].join("\n");
}

/** Ingests `count` signals for the audited feed; message ids are Discord-shaped and distinct. */
export async function seedAuditedFeed(
  backendUrl: string,
  serviceSecret: string,
  count = AUDITED_FEED_SIGNALS,
): Promise<void> {
  const client = new ConvexHttpClient(backendUrl, { logger: false });
  const now = Date.now();
  for (let index = 0; index < count; index += 1) {
    const postedAt = now - (count - index) * 60_000;
    await client.mutation(api.ingest.upsertMessage, {
      secret: serviceSecret,
      message: {
        messageId: `1400000000000000${String(index).padStart(3, "0")}`,
        channelId: DEMO_IDS.sourceVipSignals,
        guildId: DEMO_IDS.sourceGuild,
        authorId: "1000000000000000099",
        authorName: "G3 Analyst",
        content: seededSignalText(index),
        attachments: [],
        sourceAt: postedAt,
        receivedAt: postedAt + 150,
        origin: "gateway",
      },
    });
  }
}
