/* eslint-disable */
/**
 * Generated `api` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `npx convex dev`.
 * @module
 */

import type * as attachments from "../attachments.js";
import type * as audit from "../audit.js";
import type * as auth from "../auth.js";
import type * as authAccounts from "../authAccounts.js";
import type * as authThrottle from "../authThrottle.js";
import type * as billing from "../billing.js";
import type * as business from "../business.js";
import type * as channelMappings from "../channelMappings.js";
import type * as crons from "../crons.js";
import type * as devMailbox from "../devMailbox.js";
import type * as discordLink from "../discordLink.js";
import type * as emailPreferences from "../emailPreferences.js";
import type * as emailUnsubscribe from "../emailUnsubscribe.js";
import type * as entitlementAdmin from "../entitlementAdmin.js";
import type * as entitlements from "../entitlements.js";
import type * as feed from "../feed.js";
import type * as functions from "../functions.js";
import type * as health from "../health.js";
import type * as historyImportJobs from "../historyImportJobs.js";
import type * as historyImports from "../historyImports.js";
import type * as http from "../http.js";
import type * as ingest from "../ingest.js";
import type * as latency from "../latency.js";
import type * as lifecycleEmails from "../lifecycleEmails.js";
import type * as livePassEpochs from "../livePassEpochs.js";
import type * as membershipBackfill from "../membershipBackfill.js";
import type * as mirror from "../mirror.js";
import type * as model_access from "../model/access.js";
import type * as model_accountExistsNotice from "../model/accountExistsNotice.js";
import type * as model_attachmentLinks from "../model/attachmentLinks.js";
import type * as model_attachmentResponse from "../model/attachmentResponse.js";
import type * as model_attachments from "../model/attachments.js";
import type * as model_audit from "../model/audit.js";
import type * as model_auth from "../model/auth.js";
import type * as model_authErrors from "../model/authErrors.js";
import type * as model_authLimits from "../model/authLimits.js";
import type * as model_calendar from "../model/calendar.js";
import type * as model_channelMappingInput from "../model/channelMappingInput.js";
import type * as model_constantTime from "../model/constantTime.js";
import type * as model_customers from "../model/customers.js";
import type * as model_derivedHmac from "../model/derivedHmac.js";
import type * as model_discordLinkCrypto from "../model/discordLinkCrypto.js";
import type * as model_discordLinkState from "../model/discordLinkState.js";
import type * as model_discordLinkStore from "../model/discordLinkStore.js";
import type * as model_discordOAuth from "../model/discordOAuth.js";
import type * as model_driftReports from "../model/driftReports.js";
import type * as model_email from "../model/email.js";
import type * as model_emailOtp from "../model/emailOtp.js";
import type * as model_emailPreferences from "../model/emailPreferences.js";
import type * as model_entitlements from "../model/entitlements.js";
import type * as model_env from "../model/env.js";
import type * as model_errors from "../model/errors.js";
import type * as model_feedAccess from "../model/feedAccess.js";
import type * as model_historyImport from "../model/historyImport.js";
import type * as model_historyImportProgress from "../model/historyImportProgress.js";
import type * as model_ingestAttachments from "../model/ingestAttachments.js";
import type * as model_ingestCursor from "../model/ingestCursor.js";
import type * as model_ingestDelete from "../model/ingestDelete.js";
import type * as model_ingestHistory from "../model/ingestHistory.js";
import type * as model_ingestLatency from "../model/ingestLatency.js";
import type * as model_ingestLinking from "../model/ingestLinking.js";
import type * as model_ingestMapping from "../model/ingestMapping.js";
import type * as model_ingestParse from "../model/ingestParse.js";
import type * as model_ingestRecheck from "../model/ingestRecheck.js";
import type * as model_ingestSignal from "../model/ingestSignal.js";
import type * as model_ingestSnowflake from "../model/ingestSnowflake.js";
import type * as model_ingestUnstoredDelete from "../model/ingestUnstoredDelete.js";
import type * as model_ingestValidators from "../model/ingestValidators.js";
import type * as model_lifecycleEmailPolicy from "../model/lifecycleEmailPolicy.js";
import type * as model_lifecycleEmailQueue from "../model/lifecycleEmailQueue.js";
import type * as model_lifecycleEmailTemplates from "../model/lifecycleEmailTemplates.js";
import type * as model_livePass from "../model/livePass.js";
import type * as model_livePassEpoch from "../model/livePassEpoch.js";
import type * as model_loopback from "../model/loopback.js";
import type * as model_membershipBackfill from "../model/membershipBackfill.js";
import type * as model_membershipRollup from "../model/membershipRollup.js";
import type * as model_mirrorFanout from "../model/mirrorFanout.js";
import type * as model_mirrorHealth from "../model/mirrorHealth.js";
import type * as model_mirrorLatency from "../model/mirrorLatency.js";
import type * as model_mirrorNonce from "../model/mirrorNonce.js";
import type * as model_mirrorQueue from "../model/mirrorQueue.js";
import type * as model_mirrorRepair from "../model/mirrorRepair.js";
import type * as model_mirrorRerender from "../model/mirrorRerender.js";
import type * as model_mirrorSummary from "../model/mirrorSummary.js";
import type * as model_mirrorValidators from "../model/mirrorValidators.js";
import type * as model_mirrorWork from "../model/mirrorWork.js";
import type * as model_otp from "../model/otp.js";
import type * as model_outcomeRollups from "../model/outcomeRollups.js";
import type * as model_outcomeTrades from "../model/outcomeTrades.js";
import type * as model_parseCorrection from "../model/parseCorrection.js";
import type * as model_parseCorrectionInput from "../model/parseCorrectionInput.js";
import type * as model_parseState from "../model/parseState.js";
import type * as model_parseStatus from "../model/parseStatus.js";
import type * as model_passwordFlows from "../model/passwordFlows.js";
import type * as model_passwordHashing from "../model/passwordHashing.js";
import type * as model_passwordProfile from "../model/passwordProfile.js";
import type * as model_passwordProvider from "../model/passwordProvider.js";
import type * as model_passwordStrength from "../model/passwordStrength.js";
import type * as model_paymentLedger from "../model/paymentLedger.js";
import type * as model_percentiles from "../model/percentiles.js";
import type * as model_pickPresent from "../model/pickPresent.js";
import type * as model_purchaseUrl from "../model/purchaseUrl.js";
import type * as model_pushFanout from "../model/pushFanout.js";
import type * as model_pushInput from "../model/pushInput.js";
import type * as model_pushLimits from "../model/pushLimits.js";
import type * as model_pushMatching from "../model/pushMatching.js";
import type * as model_pushPayload from "../model/pushPayload.js";
import type * as model_pushQuietHours from "../model/pushQuietHours.js";
import type * as model_pushRecipients from "../model/pushRecipients.js";
import type * as model_pushSender from "../model/pushSender.js";
import type * as model_pushSubscriptions from "../model/pushSubscriptions.js";
import type * as model_rateLimitStatus from "../model/rateLimitStatus.js";
import type * as model_reconcile from "../model/reconcile.js";
import type * as model_reparseRun from "../model/reparseRun.js";
import type * as model_reparseSignal from "../model/reparseSignal.js";
import type * as model_requestSource from "../model/requestSource.js";
import type * as model_roleSync from "../model/roleSync.js";
import type * as model_roleSyncReconcile from "../model/roleSyncReconcile.js";
import type * as model_sellappConfig from "../model/sellappConfig.js";
import type * as model_sellappSources from "../model/sellappSources.js";
import type * as model_sellappSyncApply from "../model/sellappSyncApply.js";
import type * as model_sessions from "../model/sessions.js";
import type * as model_signalCard from "../model/signalCard.js";
import type * as model_siteSettings from "../model/siteSettings.js";
import type * as model_tierInput from "../model/tierInput.js";
import type * as model_tierMapping from "../model/tierMapping.js";
import type * as model_trackRecordRead from "../model/trackRecordRead.js";
import type * as model_trackerLease from "../model/trackerLease.js";
import type * as model_trackerValidators from "../model/trackerValidators.js";
import type * as model_trackerWork from "../model/trackerWork.js";
import type * as model_unsubscribeToken from "../model/unsubscribeToken.js";
import type * as model_webhookBodyDigest from "../model/webhookBodyDigest.js";
import type * as model_webhookProcessing from "../model/webhookProcessing.js";
import type * as model_webhookRejectionLimits from "../model/webhookRejectionLimits.js";
import type * as outcomeReview from "../outcomeReview.js";
import type * as outcomeRollups from "../outcomeRollups.js";
import type * as outcomes from "../outcomes.js";
import type * as parseReview from "../parseReview.js";
import type * as push from "../push.js";
import type * as pushSend from "../pushSend.js";
import type * as reparse from "../reparse.js";
import type * as roleSync from "../roleSync.js";
import type * as seed from "../seed.js";
import type * as sellappSync from "../sellappSync.js";
import type * as sellappSyncOps from "../sellappSyncOps.js";
import type * as sellappWebhook from "../sellappWebhook.js";
import type * as siteSettings from "../siteSettings.js";
import type * as storefront from "../storefront.js";
import type * as syntheticSignals from "../syntheticSignals.js";
import type * as tables_audit from "../tables/audit.js";
import type * as tables_business from "../tables/business.js";
import type * as tables_discord from "../tables/discord.js";
import type * as tables_feed from "../tables/feed.js";
import type * as tables_imports from "../tables/imports.js";
import type * as tables_operations from "../tables/operations.js";
import type * as tables_outcomes from "../tables/outcomes.js";
import type * as tables_parsing from "../tables/parsing.js";
import type * as tables_payments from "../tables/payments.js";
import type * as tables_push from "../tables/push.js";
import type * as tables_signals from "../tables/signals.js";
import type * as tables_users from "../tables/users.js";
import type * as tiers from "../tiers.js";
import type * as trackRecord from "../trackRecord.js";
import type * as tracker from "../tracker.js";
import type * as trackerHealth from "../trackerHealth.js";
import type * as unmappedProducts from "../unmappedProducts.js";
import type * as users from "../users.js";
import type * as webhookAdmin from "../webhookAdmin.js";
import type * as webhookEvents from "../webhookEvents.js";
import type * as webhookRejections from "../webhookRejections.js";
import type * as webhookRetention from "../webhookRetention.js";
import type * as workQueues from "../workQueues.js";

import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";

declare const fullApi: ApiFromModules<{
  attachments: typeof attachments;
  audit: typeof audit;
  auth: typeof auth;
  authAccounts: typeof authAccounts;
  authThrottle: typeof authThrottle;
  billing: typeof billing;
  business: typeof business;
  channelMappings: typeof channelMappings;
  crons: typeof crons;
  devMailbox: typeof devMailbox;
  discordLink: typeof discordLink;
  emailPreferences: typeof emailPreferences;
  emailUnsubscribe: typeof emailUnsubscribe;
  entitlementAdmin: typeof entitlementAdmin;
  entitlements: typeof entitlements;
  feed: typeof feed;
  functions: typeof functions;
  health: typeof health;
  historyImportJobs: typeof historyImportJobs;
  historyImports: typeof historyImports;
  http: typeof http;
  ingest: typeof ingest;
  latency: typeof latency;
  lifecycleEmails: typeof lifecycleEmails;
  livePassEpochs: typeof livePassEpochs;
  membershipBackfill: typeof membershipBackfill;
  mirror: typeof mirror;
  "model/access": typeof model_access;
  "model/accountExistsNotice": typeof model_accountExistsNotice;
  "model/attachmentLinks": typeof model_attachmentLinks;
  "model/attachmentResponse": typeof model_attachmentResponse;
  "model/attachments": typeof model_attachments;
  "model/audit": typeof model_audit;
  "model/auth": typeof model_auth;
  "model/authErrors": typeof model_authErrors;
  "model/authLimits": typeof model_authLimits;
  "model/calendar": typeof model_calendar;
  "model/channelMappingInput": typeof model_channelMappingInput;
  "model/constantTime": typeof model_constantTime;
  "model/customers": typeof model_customers;
  "model/derivedHmac": typeof model_derivedHmac;
  "model/discordLinkCrypto": typeof model_discordLinkCrypto;
  "model/discordLinkState": typeof model_discordLinkState;
  "model/discordLinkStore": typeof model_discordLinkStore;
  "model/discordOAuth": typeof model_discordOAuth;
  "model/driftReports": typeof model_driftReports;
  "model/email": typeof model_email;
  "model/emailOtp": typeof model_emailOtp;
  "model/emailPreferences": typeof model_emailPreferences;
  "model/entitlements": typeof model_entitlements;
  "model/env": typeof model_env;
  "model/errors": typeof model_errors;
  "model/feedAccess": typeof model_feedAccess;
  "model/historyImport": typeof model_historyImport;
  "model/historyImportProgress": typeof model_historyImportProgress;
  "model/ingestAttachments": typeof model_ingestAttachments;
  "model/ingestCursor": typeof model_ingestCursor;
  "model/ingestDelete": typeof model_ingestDelete;
  "model/ingestHistory": typeof model_ingestHistory;
  "model/ingestLatency": typeof model_ingestLatency;
  "model/ingestLinking": typeof model_ingestLinking;
  "model/ingestMapping": typeof model_ingestMapping;
  "model/ingestParse": typeof model_ingestParse;
  "model/ingestRecheck": typeof model_ingestRecheck;
  "model/ingestSignal": typeof model_ingestSignal;
  "model/ingestSnowflake": typeof model_ingestSnowflake;
  "model/ingestUnstoredDelete": typeof model_ingestUnstoredDelete;
  "model/ingestValidators": typeof model_ingestValidators;
  "model/lifecycleEmailPolicy": typeof model_lifecycleEmailPolicy;
  "model/lifecycleEmailQueue": typeof model_lifecycleEmailQueue;
  "model/lifecycleEmailTemplates": typeof model_lifecycleEmailTemplates;
  "model/livePass": typeof model_livePass;
  "model/livePassEpoch": typeof model_livePassEpoch;
  "model/loopback": typeof model_loopback;
  "model/membershipBackfill": typeof model_membershipBackfill;
  "model/membershipRollup": typeof model_membershipRollup;
  "model/mirrorFanout": typeof model_mirrorFanout;
  "model/mirrorHealth": typeof model_mirrorHealth;
  "model/mirrorLatency": typeof model_mirrorLatency;
  "model/mirrorNonce": typeof model_mirrorNonce;
  "model/mirrorQueue": typeof model_mirrorQueue;
  "model/mirrorRepair": typeof model_mirrorRepair;
  "model/mirrorRerender": typeof model_mirrorRerender;
  "model/mirrorSummary": typeof model_mirrorSummary;
  "model/mirrorValidators": typeof model_mirrorValidators;
  "model/mirrorWork": typeof model_mirrorWork;
  "model/otp": typeof model_otp;
  "model/outcomeRollups": typeof model_outcomeRollups;
  "model/outcomeTrades": typeof model_outcomeTrades;
  "model/parseCorrection": typeof model_parseCorrection;
  "model/parseCorrectionInput": typeof model_parseCorrectionInput;
  "model/parseState": typeof model_parseState;
  "model/parseStatus": typeof model_parseStatus;
  "model/passwordFlows": typeof model_passwordFlows;
  "model/passwordHashing": typeof model_passwordHashing;
  "model/passwordProfile": typeof model_passwordProfile;
  "model/passwordProvider": typeof model_passwordProvider;
  "model/passwordStrength": typeof model_passwordStrength;
  "model/paymentLedger": typeof model_paymentLedger;
  "model/percentiles": typeof model_percentiles;
  "model/pickPresent": typeof model_pickPresent;
  "model/purchaseUrl": typeof model_purchaseUrl;
  "model/pushFanout": typeof model_pushFanout;
  "model/pushInput": typeof model_pushInput;
  "model/pushLimits": typeof model_pushLimits;
  "model/pushMatching": typeof model_pushMatching;
  "model/pushPayload": typeof model_pushPayload;
  "model/pushQuietHours": typeof model_pushQuietHours;
  "model/pushRecipients": typeof model_pushRecipients;
  "model/pushSender": typeof model_pushSender;
  "model/pushSubscriptions": typeof model_pushSubscriptions;
  "model/rateLimitStatus": typeof model_rateLimitStatus;
  "model/reconcile": typeof model_reconcile;
  "model/reparseRun": typeof model_reparseRun;
  "model/reparseSignal": typeof model_reparseSignal;
  "model/requestSource": typeof model_requestSource;
  "model/roleSync": typeof model_roleSync;
  "model/roleSyncReconcile": typeof model_roleSyncReconcile;
  "model/sellappConfig": typeof model_sellappConfig;
  "model/sellappSources": typeof model_sellappSources;
  "model/sellappSyncApply": typeof model_sellappSyncApply;
  "model/sessions": typeof model_sessions;
  "model/signalCard": typeof model_signalCard;
  "model/siteSettings": typeof model_siteSettings;
  "model/tierInput": typeof model_tierInput;
  "model/tierMapping": typeof model_tierMapping;
  "model/trackRecordRead": typeof model_trackRecordRead;
  "model/trackerLease": typeof model_trackerLease;
  "model/trackerValidators": typeof model_trackerValidators;
  "model/trackerWork": typeof model_trackerWork;
  "model/unsubscribeToken": typeof model_unsubscribeToken;
  "model/webhookBodyDigest": typeof model_webhookBodyDigest;
  "model/webhookProcessing": typeof model_webhookProcessing;
  "model/webhookRejectionLimits": typeof model_webhookRejectionLimits;
  outcomeReview: typeof outcomeReview;
  outcomeRollups: typeof outcomeRollups;
  outcomes: typeof outcomes;
  parseReview: typeof parseReview;
  push: typeof push;
  pushSend: typeof pushSend;
  reparse: typeof reparse;
  roleSync: typeof roleSync;
  seed: typeof seed;
  sellappSync: typeof sellappSync;
  sellappSyncOps: typeof sellappSyncOps;
  sellappWebhook: typeof sellappWebhook;
  siteSettings: typeof siteSettings;
  storefront: typeof storefront;
  syntheticSignals: typeof syntheticSignals;
  "tables/audit": typeof tables_audit;
  "tables/business": typeof tables_business;
  "tables/discord": typeof tables_discord;
  "tables/feed": typeof tables_feed;
  "tables/imports": typeof tables_imports;
  "tables/operations": typeof tables_operations;
  "tables/outcomes": typeof tables_outcomes;
  "tables/parsing": typeof tables_parsing;
  "tables/payments": typeof tables_payments;
  "tables/push": typeof tables_push;
  "tables/signals": typeof tables_signals;
  "tables/users": typeof tables_users;
  tiers: typeof tiers;
  trackRecord: typeof trackRecord;
  tracker: typeof tracker;
  trackerHealth: typeof trackerHealth;
  unmappedProducts: typeof unmappedProducts;
  users: typeof users;
  webhookAdmin: typeof webhookAdmin;
  webhookEvents: typeof webhookEvents;
  webhookRejections: typeof webhookRejections;
  webhookRetention: typeof webhookRetention;
  workQueues: typeof workQueues;
}>;

/**
 * A utility for referencing Convex functions in your app's public API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = api.myModule.myFunction;
 * ```
 */
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;

/**
 * A utility for referencing Convex functions in your app's internal API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = internal.myModule.myFunction;
 * ```
 */
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;

export declare const components: {
  rateLimiter: import("@convex-dev/rate-limiter/_generated/component.js").ComponentApi<"rateLimiter">;
};
