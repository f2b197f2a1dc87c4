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
import type * as auth from "../auth.js";
import type * as http from "../http.js";
import type * as model_audit from "../model/audit.js";
import type * as model_auth from "../model/auth.js";
import type * as model_constantTime from "../model/constantTime.js";
import type * as model_env from "../model/env.js";
import type * as model_service from "../model/service.js";
import type * as tables_audit from "../tables/audit.js";
import type * as tables_discord from "../tables/discord.js";
import type * as tables_operations from "../tables/operations.js";
import type * as tables_payments from "../tables/payments.js";
import type * as tables_signals from "../tables/signals.js";
import type * as tables_users from "../tables/users.js";
import type * as users from "../users.js";

/**
 * A utility for referencing Convex functions in your app's API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = api.myModule.myFunction;
 * ```
 */
declare const fullApi: ApiFromModules<{
  auth: typeof auth;
  http: typeof http;
  "model/audit": typeof model_audit;
  "model/auth": typeof model_auth;
  "model/constantTime": typeof model_constantTime;
  "model/env": typeof model_env;
  "model/service": typeof model_service;
  "tables/audit": typeof tables_audit;
  "tables/discord": typeof tables_discord;
  "tables/operations": typeof tables_operations;
  "tables/payments": typeof tables_payments;
  "tables/signals": typeof tables_signals;
  "tables/users": typeof tables_users;
  users: typeof users;
}>;
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;
