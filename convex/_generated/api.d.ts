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
import type * as ingestRetention from "../ingestRetention.js";
import type * as latency from "../latency.js";
import type * as lifecycleEmails from "../lifecycleEmails.js";
import type * as livePassEpochs from "../livePassEpochs.js";
import type * as membershipBackfill from "../membershipBackfill.js";
import type * as mirror from "../mirror.js";
import type * as model_auth_accountExistsNotice from "../model/auth/accountExistsNotice.js";
import type * as model_auth_auth from "../model/auth/auth.js";
import type * as model_auth_authErrors from "../model/auth/authErrors.js";
import type * as model_auth_authLimits from "../model/auth/authLimits.js";
import type * as model_auth_emailOtp from "../model/auth/emailOtp.js";
import type * as model_auth_otp from "../model/auth/otp.js";
import type * as model_auth_passwordFlows from "../model/auth/passwordFlows.js";
import type * as model_auth_passwordHashing from "../model/auth/passwordHashing.js";
import type * as model_auth_passwordProfile from "../model/auth/passwordProfile.js";
import type * as model_auth_passwordProvider from "../model/auth/passwordProvider.js";
import type * as model_auth_passwordStrength from "../model/auth/passwordStrength.js";
import type * as model_auth_sessions from "../model/auth/sessions.js";
import type * as model_business_membershipBackfill from "../model/business/membershipBackfill.js";
import type * as model_business_membershipRollup from "../model/business/membershipRollup.js";
import type * as model_business_siteSettings from "../model/business/siteSettings.js";
import type * as model_discord_discordLinkCrypto from "../model/discord/discordLinkCrypto.js";
import type * as model_discord_discordLinkState from "../model/discord/discordLinkState.js";
import type * as model_discord_discordLinkStore from "../model/discord/discordLinkStore.js";
import type * as model_discord_discordOAuth from "../model/discord/discordOAuth.js";
import type * as model_discord_roleSync from "../model/discord/roleSync.js";
import type * as model_discord_roleSyncReconcile from "../model/discord/roleSyncReconcile.js";
import type * as model_email_email from "../model/email/email.js";
import type * as model_email_emailPreferences from "../model/email/emailPreferences.js";
import type * as model_email_lifecycleEmailPolicy from "../model/email/lifecycleEmailPolicy.js";
import type * as model_email_lifecycleEmailQueue from "../model/email/lifecycleEmailQueue.js";
import type * as model_email_lifecycleEmailTemplates from "../model/email/lifecycleEmailTemplates.js";
import type * as model_email_unsubscribeToken from "../model/email/unsubscribeToken.js";
import type * as model_feed_attachmentLinks from "../model/feed/attachmentLinks.js";
import type * as model_feed_attachmentResponse from "../model/feed/attachmentResponse.js";
import type * as model_feed_attachments from "../model/feed/attachments.js";
import type * as model_feed_feedAccess from "../model/feed/feedAccess.js";
import type * as model_feed_livePass from "../model/feed/livePass.js";
import type * as model_feed_livePassEpoch from "../model/feed/livePassEpoch.js";
import type * as model_feed_signalCard from "../model/feed/signalCard.js";
import type * as model_ingest_channelMappingInput from "../model/ingest/channelMappingInput.js";
import type * as model_ingest_historyImport from "../model/ingest/historyImport.js";
import type * as model_ingest_historyImportProgress from "../model/ingest/historyImportProgress.js";
import type * as model_ingest_ingestAttachments from "../model/ingest/ingestAttachments.js";
import type * as model_ingest_ingestCursor from "../model/ingest/ingestCursor.js";
import type * as model_ingest_ingestDelete from "../model/ingest/ingestDelete.js";
import type * as model_ingest_ingestHistory from "../model/ingest/ingestHistory.js";
import type * as model_ingest_ingestLatency from "../model/ingest/ingestLatency.js";
import type * as model_ingest_ingestLinking from "../model/ingest/ingestLinking.js";
import type * as model_ingest_ingestMapping from "../model/ingest/ingestMapping.js";
import type * as model_ingest_ingestParse from "../model/ingest/ingestParse.js";
import type * as model_ingest_ingestRecheck from "../model/ingest/ingestRecheck.js";
import type * as model_ingest_ingestSignal from "../model/ingest/ingestSignal.js";
import type * as model_ingest_ingestSnowflake from "../model/ingest/ingestSnowflake.js";
import type * as model_ingest_ingestUnstoredDelete from "../model/ingest/ingestUnstoredDelete.js";
import type * as model_ingest_ingestValidators from "../model/ingest/ingestValidators.js";
import type * as model_mirror_driftReports from "../model/mirror/driftReports.js";
import type * as model_mirror_mirrorFanout from "../model/mirror/mirrorFanout.js";
import type * as model_mirror_mirrorHealth from "../model/mirror/mirrorHealth.js";
import type * as model_mirror_mirrorLatency from "../model/mirror/mirrorLatency.js";
import type * as model_mirror_mirrorNonce from "../model/mirror/mirrorNonce.js";
import type * as model_mirror_mirrorQueue from "../model/mirror/mirrorQueue.js";
import type * as model_mirror_mirrorRepair from "../model/mirror/mirrorRepair.js";
import type * as model_mirror_mirrorRerender from "../model/mirror/mirrorRerender.js";
import type * as model_mirror_mirrorSummary from "../model/mirror/mirrorSummary.js";
import type * as model_mirror_mirrorValidators from "../model/mirror/mirrorValidators.js";
import type * as model_mirror_mirrorWork from "../model/mirror/mirrorWork.js";
import type * as model_outcomes_outcomeRollups from "../model/outcomes/outcomeRollups.js";
import type * as model_outcomes_outcomeTrades from "../model/outcomes/outcomeTrades.js";
import type * as model_outcomes_signalWithRevisions from "../model/outcomes/signalWithRevisions.js";
import type * as model_outcomes_trackRecordRead from "../model/outcomes/trackRecordRead.js";
import type * as model_outcomes_trackerLease from "../model/outcomes/trackerLease.js";
import type * as model_outcomes_trackerValidators from "../model/outcomes/trackerValidators.js";
import type * as model_outcomes_trackerWork from "../model/outcomes/trackerWork.js";
import type * as model_parsing_parseCorrection from "../model/parsing/parseCorrection.js";
import type * as model_parsing_parseCorrectionInput from "../model/parsing/parseCorrectionInput.js";
import type * as model_parsing_parseState from "../model/parsing/parseState.js";
import type * as model_parsing_parseStatus from "../model/parsing/parseStatus.js";
import type * as model_parsing_reparseRun from "../model/parsing/reparseRun.js";
import type * as model_parsing_reparseSignal from "../model/parsing/reparseSignal.js";
import type * as model_payments_access from "../model/payments/access.js";
import type * as model_payments_customers from "../model/payments/customers.js";
import type * as model_payments_entitlements from "../model/payments/entitlements.js";
import type * as model_payments_paymentLedger from "../model/payments/paymentLedger.js";
import type * as model_payments_purchaseUrl from "../model/payments/purchaseUrl.js";
import type * as model_payments_reconcile from "../model/payments/reconcile.js";
import type * as model_payments_sellappConfig from "../model/payments/sellappConfig.js";
import type * as model_payments_sellappSources from "../model/payments/sellappSources.js";
import type * as model_payments_sellappSyncApply from "../model/payments/sellappSyncApply.js";
import type * as model_payments_tierInput from "../model/payments/tierInput.js";
import type * as model_payments_tierMapping from "../model/payments/tierMapping.js";
import type * as model_payments_webhookBodyDigest from "../model/payments/webhookBodyDigest.js";
import type * as model_payments_webhookProcessing from "../model/payments/webhookProcessing.js";
import type * as model_payments_webhookRejectionLimits from "../model/payments/webhookRejectionLimits.js";
import type * as model_push_pushEndpointRules from "../model/push/pushEndpointRules.js";
import type * as model_push_pushEndpoints from "../model/push/pushEndpoints.js";
import type * as model_push_pushFanout from "../model/push/pushFanout.js";
import type * as model_push_pushInput from "../model/push/pushInput.js";
import type * as model_push_pushLimits from "../model/push/pushLimits.js";
import type * as model_push_pushMatching from "../model/push/pushMatching.js";
import type * as model_push_pushPayload from "../model/push/pushPayload.js";
import type * as model_push_pushQuietHours from "../model/push/pushQuietHours.js";
import type * as model_push_pushRecipients from "../model/push/pushRecipients.js";
import type * as model_push_pushSender from "../model/push/pushSender.js";
import type * as model_push_pushSubscriptions from "../model/push/pushSubscriptions.js";
import type * as model_shared_audit from "../model/shared/audit.js";
import type * as model_shared_calendar from "../model/shared/calendar.js";
import type * as model_shared_constantTime from "../model/shared/constantTime.js";
import type * as model_shared_derivedHmac from "../model/shared/derivedHmac.js";
import type * as model_shared_env from "../model/shared/env.js";
import type * as model_shared_errorCodes from "../model/shared/errorCodes.js";
import type * as model_shared_errors from "../model/shared/errors.js";
import type * as model_shared_loopback from "../model/shared/loopback.js";
import type * as model_shared_percentiles from "../model/shared/percentiles.js";
import type * as model_shared_pickPresent from "../model/shared/pickPresent.js";
import type * as model_shared_rateLimitStatus from "../model/shared/rateLimitStatus.js";
import type * as model_shared_requestSource from "../model/shared/requestSource.js";
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
  ingestRetention: typeof ingestRetention;
  latency: typeof latency;
  lifecycleEmails: typeof lifecycleEmails;
  livePassEpochs: typeof livePassEpochs;
  membershipBackfill: typeof membershipBackfill;
  mirror: typeof mirror;
  "model/auth/accountExistsNotice": typeof model_auth_accountExistsNotice;
  "model/auth/auth": typeof model_auth_auth;
  "model/auth/authErrors": typeof model_auth_authErrors;
  "model/auth/authLimits": typeof model_auth_authLimits;
  "model/auth/emailOtp": typeof model_auth_emailOtp;
  "model/auth/otp": typeof model_auth_otp;
  "model/auth/passwordFlows": typeof model_auth_passwordFlows;
  "model/auth/passwordHashing": typeof model_auth_passwordHashing;
  "model/auth/passwordProfile": typeof model_auth_passwordProfile;
  "model/auth/passwordProvider": typeof model_auth_passwordProvider;
  "model/auth/passwordStrength": typeof model_auth_passwordStrength;
  "model/auth/sessions": typeof model_auth_sessions;
  "model/business/membershipBackfill": typeof model_business_membershipBackfill;
  "model/business/membershipRollup": typeof model_business_membershipRollup;
  "model/business/siteSettings": typeof model_business_siteSettings;
  "model/discord/discordLinkCrypto": typeof model_discord_discordLinkCrypto;
  "model/discord/discordLinkState": typeof model_discord_discordLinkState;
  "model/discord/discordLinkStore": typeof model_discord_discordLinkStore;
  "model/discord/discordOAuth": typeof model_discord_discordOAuth;
  "model/discord/roleSync": typeof model_discord_roleSync;
  "model/discord/roleSyncReconcile": typeof model_discord_roleSyncReconcile;
  "model/email/email": typeof model_email_email;
  "model/email/emailPreferences": typeof model_email_emailPreferences;
  "model/email/lifecycleEmailPolicy": typeof model_email_lifecycleEmailPolicy;
  "model/email/lifecycleEmailQueue": typeof model_email_lifecycleEmailQueue;
  "model/email/lifecycleEmailTemplates": typeof model_email_lifecycleEmailTemplates;
  "model/email/unsubscribeToken": typeof model_email_unsubscribeToken;
  "model/feed/attachmentLinks": typeof model_feed_attachmentLinks;
  "model/feed/attachmentResponse": typeof model_feed_attachmentResponse;
  "model/feed/attachments": typeof model_feed_attachments;
  "model/feed/feedAccess": typeof model_feed_feedAccess;
  "model/feed/livePass": typeof model_feed_livePass;
  "model/feed/livePassEpoch": typeof model_feed_livePassEpoch;
  "model/feed/signalCard": typeof model_feed_signalCard;
  "model/ingest/channelMappingInput": typeof model_ingest_channelMappingInput;
  "model/ingest/historyImport": typeof model_ingest_historyImport;
  "model/ingest/historyImportProgress": typeof model_ingest_historyImportProgress;
  "model/ingest/ingestAttachments": typeof model_ingest_ingestAttachments;
  "model/ingest/ingestCursor": typeof model_ingest_ingestCursor;
  "model/ingest/ingestDelete": typeof model_ingest_ingestDelete;
  "model/ingest/ingestHistory": typeof model_ingest_ingestHistory;
  "model/ingest/ingestLatency": typeof model_ingest_ingestLatency;
  "model/ingest/ingestLinking": typeof model_ingest_ingestLinking;
  "model/ingest/ingestMapping": typeof model_ingest_ingestMapping;
  "model/ingest/ingestParse": typeof model_ingest_ingestParse;
  "model/ingest/ingestRecheck": typeof model_ingest_ingestRecheck;
  "model/ingest/ingestSignal": typeof model_ingest_ingestSignal;
  "model/ingest/ingestSnowflake": typeof model_ingest_ingestSnowflake;
  "model/ingest/ingestUnstoredDelete": typeof model_ingest_ingestUnstoredDelete;
  "model/ingest/ingestValidators": typeof model_ingest_ingestValidators;
  "model/mirror/driftReports": typeof model_mirror_driftReports;
  "model/mirror/mirrorFanout": typeof model_mirror_mirrorFanout;
  "model/mirror/mirrorHealth": typeof model_mirror_mirrorHealth;
  "model/mirror/mirrorLatency": typeof model_mirror_mirrorLatency;
  "model/mirror/mirrorNonce": typeof model_mirror_mirrorNonce;
  "model/mirror/mirrorQueue": typeof model_mirror_mirrorQueue;
  "model/mirror/mirrorRepair": typeof model_mirror_mirrorRepair;
  "model/mirror/mirrorRerender": typeof model_mirror_mirrorRerender;
  "model/mirror/mirrorSummary": typeof model_mirror_mirrorSummary;
  "model/mirror/mirrorValidators": typeof model_mirror_mirrorValidators;
  "model/mirror/mirrorWork": typeof model_mirror_mirrorWork;
  "model/outcomes/outcomeRollups": typeof model_outcomes_outcomeRollups;
  "model/outcomes/outcomeTrades": typeof model_outcomes_outcomeTrades;
  "model/outcomes/signalWithRevisions": typeof model_outcomes_signalWithRevisions;
  "model/outcomes/trackRecordRead": typeof model_outcomes_trackRecordRead;
  "model/outcomes/trackerLease": typeof model_outcomes_trackerLease;
  "model/outcomes/trackerValidators": typeof model_outcomes_trackerValidators;
  "model/outcomes/trackerWork": typeof model_outcomes_trackerWork;
  "model/parsing/parseCorrection": typeof model_parsing_parseCorrection;
  "model/parsing/parseCorrectionInput": typeof model_parsing_parseCorrectionInput;
  "model/parsing/parseState": typeof model_parsing_parseState;
  "model/parsing/parseStatus": typeof model_parsing_parseStatus;
  "model/parsing/reparseRun": typeof model_parsing_reparseRun;
  "model/parsing/reparseSignal": typeof model_parsing_reparseSignal;
  "model/payments/access": typeof model_payments_access;
  "model/payments/customers": typeof model_payments_customers;
  "model/payments/entitlements": typeof model_payments_entitlements;
  "model/payments/paymentLedger": typeof model_payments_paymentLedger;
  "model/payments/purchaseUrl": typeof model_payments_purchaseUrl;
  "model/payments/reconcile": typeof model_payments_reconcile;
  "model/payments/sellappConfig": typeof model_payments_sellappConfig;
  "model/payments/sellappSources": typeof model_payments_sellappSources;
  "model/payments/sellappSyncApply": typeof model_payments_sellappSyncApply;
  "model/payments/tierInput": typeof model_payments_tierInput;
  "model/payments/tierMapping": typeof model_payments_tierMapping;
  "model/payments/webhookBodyDigest": typeof model_payments_webhookBodyDigest;
  "model/payments/webhookProcessing": typeof model_payments_webhookProcessing;
  "model/payments/webhookRejectionLimits": typeof model_payments_webhookRejectionLimits;
  "model/push/pushEndpointRules": typeof model_push_pushEndpointRules;
  "model/push/pushEndpoints": typeof model_push_pushEndpoints;
  "model/push/pushFanout": typeof model_push_pushFanout;
  "model/push/pushInput": typeof model_push_pushInput;
  "model/push/pushLimits": typeof model_push_pushLimits;
  "model/push/pushMatching": typeof model_push_pushMatching;
  "model/push/pushPayload": typeof model_push_pushPayload;
  "model/push/pushQuietHours": typeof model_push_pushQuietHours;
  "model/push/pushRecipients": typeof model_push_pushRecipients;
  "model/push/pushSender": typeof model_push_pushSender;
  "model/push/pushSubscriptions": typeof model_push_pushSubscriptions;
  "model/shared/audit": typeof model_shared_audit;
  "model/shared/calendar": typeof model_shared_calendar;
  "model/shared/constantTime": typeof model_shared_constantTime;
  "model/shared/derivedHmac": typeof model_shared_derivedHmac;
  "model/shared/env": typeof model_shared_env;
  "model/shared/errorCodes": typeof model_shared_errorCodes;
  "model/shared/errors": typeof model_shared_errors;
  "model/shared/loopback": typeof model_shared_loopback;
  "model/shared/percentiles": typeof model_shared_percentiles;
  "model/shared/pickPresent": typeof model_shared_pickPresent;
  "model/shared/rateLimitStatus": typeof model_shared_rateLimitStatus;
  "model/shared/requestSource": typeof model_shared_requestSource;
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
