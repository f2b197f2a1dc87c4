// The built-in demo world: deterministic ids and tokens so .env.example and demos can reference
// them. Tokens here are emulator-only fixtures, not secrets.
import type { TWorldSpecInput } from "./world/spec.js";

export const DEMO_IDS = {
  ownerUser: "1196423538278531072",
  analystUser: "1196423789936771073",
  customerUser: "1196424041595011074",
  moderatorUser: "1196424293253251075",
  collectorApp: "1196424544911491076",
  mirrorApp: "1196425048227971078",
  sourceGuild: "1196425551544451080",
  sourceCategory: "1196425803202691081",
  sourceVipSignals: "1196426054860931082",
  sourceFreeChat: "1196426306519171083",
  sourceAnnouncements: "1196426558177411084",
  collectorRole: "1196426809835651085",
  analystRole: "1196427061493891086",
  customerGuild: "1196427313152131087",
  customerVipSignals: "1196427564810371088",
  customerWelcome: "1196427816468611089",
  mirrorRole: "1196428068126851090",
  vipRole: "1196428319785091091",
} as const;

export const DEMO_TOKENS = {
  collector: "emulator.collector.MTE5NjQyNDU0NDkxMTQ5MTA3Ng.demo-token",
  mirror: "emulator.mirror.MTE5NjQyNTA0ODIyNzk3MTA3OA.demo-token",
  mirrorClientSecret: "emulator-mirror-client-secret-demo",
  collectorClientSecret: "emulator-collector-client-secret-demo",
} as const;

const P = {
  view: 1024n,
  send: 2048n,
  history: 65536n,
  attach: 32768n,
  embed: 16384n,
  manageMessages: 8192n,
  manageRoles: 268435456n,
  invite: 1n,
  reactions: 64n,
};
const perms = (...bits: bigint[]): string => bits.reduce((a, b) => a | b, 0n).toString();

export const demoWorld = {
  settings: {},
  users: [
    { id: DEMO_IDS.ownerUser, username: "g3owner", globalName: "G3 Owner" },
    {
      id: DEMO_IDS.analystUser,
      username: "analyst",
      globalName: "Analyst",
      email: "analyst@example.test",
    },
    {
      id: DEMO_IDS.customerUser,
      username: "demo_customer",
      globalName: "Demo Customer",
      email: "customer@example.test",
    },
    { id: DEMO_IDS.moderatorUser, username: "moderator", globalName: "Moderator" },
  ],
  applications: [
    {
      id: DEMO_IDS.collectorApp,
      name: "Collector",
      bot: { id: DEMO_IDS.collectorApp, username: "Collector", token: DEMO_TOKENS.collector },
      tokenEnvVar: "DISCORD_COLLECTOR_TOKEN",
      clientSecret: DEMO_TOKENS.collectorClientSecret,
      redirectUris: [],
      privilegedIntents: ["MessageContent", "GuildMembers"],
    },
    {
      id: DEMO_IDS.mirrorApp,
      name: "Mirror",
      bot: { id: DEMO_IDS.mirrorApp, username: "Mirror", token: DEMO_TOKENS.mirror },
      tokenEnvVar: "DISCORD_MIRROR_TOKEN",
      clientSecret: DEMO_TOKENS.mirrorClientSecret,
      redirectUris: [
        "http://127.0.0.1:3000/api/discord/callback",
        "http://localhost:3000/api/discord/callback",
      ],
      privilegedIntents: ["GuildMembers"],
    },
  ],
  guilds: [
    {
      id: DEMO_IDS.sourceGuild,
      name: "G3 Signals (source)",
      ownerId: DEMO_IDS.ownerUser,
      roles: [
        {
          id: DEMO_IDS.collectorRole,
          name: "Collector",
          position: 2,
          permissions: perms(P.view, P.history),
          botId: DEMO_IDS.collectorApp,
        },
        {
          id: DEMO_IDS.analystRole,
          name: "Analyst",
          position: 1,
          permissions: perms(P.view, P.send, P.attach, P.embed, P.history),
          hoist: true,
        },
      ],
      channels: [
        { id: DEMO_IDS.sourceCategory, name: "Signals", type: 4, position: 0 },
        {
          id: DEMO_IDS.sourceVipSignals,
          name: "vip-signals",
          type: 0,
          parentId: DEMO_IDS.sourceCategory,
          position: 1,
          topic: "Paid signals",
          messages: [
            {
              id: "1196428571443331092",
              authorId: DEMO_IDS.analystUser,
              content: "Welcome to #vip-signals. Entries, targets and stops are posted here.",
            },
            {
              id: "1196428823101571093",
              authorId: DEMO_IDS.analystUser,
              content: "BTC/USDT LONG\nEntry: 42,100–42,400\nTP1: 43,200\nTP2: 44,000\nSL: 41,500",
            },
          ],
        },
        {
          id: DEMO_IDS.sourceFreeChat,
          name: "free-chat",
          type: 0,
          parentId: DEMO_IDS.sourceCategory,
          position: 2,
        },
        { id: DEMO_IDS.sourceAnnouncements, name: "announcements", type: 5, position: 3 },
      ],
      members: [
        { userId: DEMO_IDS.ownerUser },
        { userId: DEMO_IDS.analystUser, roles: [DEMO_IDS.analystRole] },
        { userId: DEMO_IDS.moderatorUser },
        { userId: DEMO_IDS.collectorApp, roles: [DEMO_IDS.collectorRole] },
      ],
    },
    {
      id: DEMO_IDS.customerGuild,
      name: "G3 Customers",
      ownerId: DEMO_IDS.ownerUser,
      everyonePermissions: perms(P.view, P.history, P.reactions),
      roles: [
        {
          id: DEMO_IDS.mirrorRole,
          name: "Mirror",
          position: 2,
          permissions: perms(
            P.view,
            P.send,
            P.attach,
            P.embed,
            P.history,
            P.manageMessages,
            P.manageRoles,
            P.invite,
          ),
          botId: DEMO_IDS.mirrorApp,
        },
        {
          id: DEMO_IDS.vipRole,
          name: "VIP",
          position: 1,
          permissions: "0",
          color: 0xf1c40f,
          hoist: true,
        },
      ],
      channels: [
        { id: DEMO_IDS.customerWelcome, name: "welcome", type: 0, position: 0 },
        {
          id: DEMO_IDS.customerVipSignals,
          name: "vip-signals",
          type: 0,
          position: 1,
          topic: "Mirrored signals for VIP members",
        },
      ],
      members: [
        { userId: DEMO_IDS.ownerUser },
        { userId: DEMO_IDS.moderatorUser },
        { userId: DEMO_IDS.mirrorApp, roles: [DEMO_IDS.mirrorRole] },
      ],
    },
  ],
  oauth2: { userId: DEMO_IDS.customerUser, decision: "allow" },
} satisfies TWorldSpecInput;
