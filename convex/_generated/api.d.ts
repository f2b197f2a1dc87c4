/* eslint-disable */
/**
 * Generated `api` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `npx convex dev`.
 * @module
 */

import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";
import type * as audit from "../audit.js";
import type * as auth from "../auth.js";
import type * as channelMappings from "../channelMappings.js";
import type * as crons from "../crons.js";
import type * as devMailbox from "../devMailbox.js";
import type * as discordLink from "../discordLink.js";
import type * as entitlementAdmin from "../entitlementAdmin.js";
import type * as entitlements from "../entitlements.js";
import type * as feed from "../feed.js";
import type * as health from "../health.js";
import type * as http from "../http.js";
import type * as ingest from "../ingest.js";
import type * as latency from "../latency.js";
import type * as mirror from "../mirror.js";
import type * as model_access from "../model/access.js";
import type * as model_attachments from "../model/attachments.js";
import type * as model_audit from "../model/audit.js";
import type * as model_auth from "../model/auth.js";
import type * as model_channelMappingInput from "../model/channelMappingInput.js";
import type * as model_constantTime from "../model/constantTime.js";
import type * as model_customers from "../model/customers.js";
import type * as model_discordLinkCrypto from "../model/discordLinkCrypto.js";
import type * as model_discordLinkState from "../model/discordLinkState.js";
import type * as model_discordLinkStore from "../model/discordLinkStore.js";
import type * as model_discordOAuth from "../model/discordOAuth.js";
import type * as model_driftReports from "../model/driftReports.js";
import type * as model_email from "../model/email.js";
import type * as model_emailOtp from "../model/emailOtp.js";
import type * as model_entitlements from "../model/entitlements.js";
import type * as model_env from "../model/env.js";
import type * as model_feedAccess from "../model/feedAccess.js";
import type * as model_ingestAttachments from "../model/ingestAttachments.js";
import type * as model_ingestCursor from "../model/ingestCursor.js";
import type * as model_ingestDelete from "../model/ingestDelete.js";
import type * as model_ingestLatency from "../model/ingestLatency.js";
import type * as model_ingestLinking from "../model/ingestLinking.js";
import type * as model_ingestMapping from "../model/ingestMapping.js";
import type * as model_ingestParse from "../model/ingestParse.js";
import type * as model_ingestSignal from "../model/ingestSignal.js";
import type * as model_ingestSnowflake from "../model/ingestSnowflake.js";
import type * as model_ingestValidators from "../model/ingestValidators.js";
import type * as model_livePass from "../model/livePass.js";
import type * as model_mirrorFanout from "../model/mirrorFanout.js";
import type * as model_mirrorHealth from "../model/mirrorHealth.js";
import type * as model_mirrorLatency from "../model/mirrorLatency.js";
import type * as model_mirrorNonce from "../model/mirrorNonce.js";
import type * as model_mirrorQueue from "../model/mirrorQueue.js";
import type * as model_mirrorValidators from "../model/mirrorValidators.js";
import type * as model_mirrorWork from "../model/mirrorWork.js";
import type * as model_otp from "../model/otp.js";
import type * as model_passwordProfile from "../model/passwordProfile.js";
import type * as model_percentiles from "../model/percentiles.js";
import type * as model_pickPresent from "../model/pickPresent.js";
import type * as model_reconcile from "../model/reconcile.js";
import type * as model_roleSync from "../model/roleSync.js";
import type * as model_roleSyncReconcile from "../model/roleSyncReconcile.js";
import type * as model_sellappConfig from "../model/sellappConfig.js";
import type * as model_sellappSources from "../model/sellappSources.js";
import type * as model_service from "../model/service.js";
import type * as model_signalCard from "../model/signalCard.js";
import type * as model_tierMapping from "../model/tierMapping.js";
import type * as model_webhookProcessing from "../model/webhookProcessing.js";
import type * as roleSync from "../roleSync.js";
import type * as seed from "../seed.js";
import type * as sellappWebhook from "../sellappWebhook.js";
import type * as syntheticSignals from "../syntheticSignals.js";
import type * as tables_audit from "../tables/audit.js";
import type * as tables_discord from "../tables/discord.js";
import type * as tables_operations from "../tables/operations.js";
import type * as tables_payments from "../tables/payments.js";
import type * as tables_signals from "../tables/signals.js";
import type * as tables_users from "../tables/users.js";
import type * as tiers from "../tiers.js";
import type * as users from "../users.js";
import type * as webhookAdmin from "../webhookAdmin.js";
import type * as webhookEvents from "../webhookEvents.js";
import type * as workQueues from "../workQueues.js";

/**
 * A utility for referencing Convex functions in your app's API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = api.myModule.myFunction;
 * ```
 */
declare const fullApi: ApiFromModules<{
  audit: typeof audit;
  auth: typeof auth;
  channelMappings: typeof channelMappings;
  crons: typeof crons;
  devMailbox: typeof devMailbox;
  discordLink: typeof discordLink;
  entitlementAdmin: typeof entitlementAdmin;
  entitlements: typeof entitlements;
  feed: typeof feed;
  health: typeof health;
  http: typeof http;
  ingest: typeof ingest;
  latency: typeof latency;
  mirror: typeof mirror;
  "model/access": typeof model_access;
  "model/attachments": typeof model_attachments;
  "model/audit": typeof model_audit;
  "model/auth": typeof model_auth;
  "model/channelMappingInput": typeof model_channelMappingInput;
  "model/constantTime": typeof model_constantTime;
  "model/customers": typeof model_customers;
  "model/discordLinkCrypto": typeof model_discordLinkCrypto;
  "model/discordLinkState": typeof model_discordLinkState;
  "model/discordLinkStore": typeof model_discordLinkStore;
  "model/discordOAuth": typeof model_discordOAuth;
  "model/driftReports": typeof model_driftReports;
  "model/email": typeof model_email;
  "model/emailOtp": typeof model_emailOtp;
  "model/entitlements": typeof model_entitlements;
  "model/env": typeof model_env;
  "model/feedAccess": typeof model_feedAccess;
  "model/ingestAttachments": typeof model_ingestAttachments;
  "model/ingestCursor": typeof model_ingestCursor;
  "model/ingestDelete": typeof model_ingestDelete;
  "model/ingestLatency": typeof model_ingestLatency;
  "model/ingestLinking": typeof model_ingestLinking;
  "model/ingestMapping": typeof model_ingestMapping;
  "model/ingestParse": typeof model_ingestParse;
  "model/ingestSignal": typeof model_ingestSignal;
  "model/ingestSnowflake": typeof model_ingestSnowflake;
  "model/ingestValidators": typeof model_ingestValidators;
  "model/livePass": typeof model_livePass;
  "model/mirrorFanout": typeof model_mirrorFanout;
  "model/mirrorHealth": typeof model_mirrorHealth;
  "model/mirrorLatency": typeof model_mirrorLatency;
  "model/mirrorNonce": typeof model_mirrorNonce;
  "model/mirrorQueue": typeof model_mirrorQueue;
  "model/mirrorValidators": typeof model_mirrorValidators;
  "model/mirrorWork": typeof model_mirrorWork;
  "model/otp": typeof model_otp;
  "model/passwordProfile": typeof model_passwordProfile;
  "model/percentiles": typeof model_percentiles;
  "model/pickPresent": typeof model_pickPresent;
  "model/reconcile": typeof model_reconcile;
  "model/roleSync": typeof model_roleSync;
  "model/roleSyncReconcile": typeof model_roleSyncReconcile;
  "model/sellappConfig": typeof model_sellappConfig;
  "model/sellappSources": typeof model_sellappSources;
  "model/service": typeof model_service;
  "model/signalCard": typeof model_signalCard;
  "model/tierMapping": typeof model_tierMapping;
  "model/webhookProcessing": typeof model_webhookProcessing;
  roleSync: typeof roleSync;
  seed: typeof seed;
  sellappWebhook: typeof sellappWebhook;
  syntheticSignals: typeof syntheticSignals;
  "tables/audit": typeof tables_audit;
  "tables/discord": typeof tables_discord;
  "tables/operations": typeof tables_operations;
  "tables/payments": typeof tables_payments;
  "tables/signals": typeof tables_signals;
  "tables/users": typeof tables_users;
  tiers: typeof tiers;
  users: typeof users;
  webhookAdmin: typeof webhookAdmin;
  webhookEvents: typeof webhookEvents;
  workQueues: typeof workQueues;
}>;
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;
