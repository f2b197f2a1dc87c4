/* eslint-disable */
/**
 * Generated `api` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `npx convex dev`.
 * @module
 */

import type { ApiFromModules, FilterApi, FunctionReference } from "convex/server";
import type * as crons from "../crons.js";
import type * as failures from "../failures.js";
import type * as hashing from "../hashing.js";
import type * as http from "../http.js";
import type * as jobs from "../jobs.js";
import type * as legacy_digest from "../legacy/digest.js";
import type * as messages from "../messages.js";
import type * as notes from "../notes.js";
import type * as runaway from "../runaway.js";
import type * as ticks from "../ticks.js";

/**
 * A utility for referencing Convex functions in your app's API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = api.myModule.myFunction;
 * ```
 */
declare const fullApi: ApiFromModules<{
  crons: typeof crons;
  failures: typeof failures;
  hashing: typeof hashing;
  http: typeof http;
  jobs: typeof jobs;
  "legacy/digest": typeof legacy_digest;
  messages: typeof messages;
  notes: typeof notes;
  runaway: typeof runaway;
  ticks: typeof ticks;
}>;
export declare const api: FilterApi<typeof fullApi, FunctionReference<any, "public">>;
export declare const internal: FilterApi<typeof fullApi, FunctionReference<any, "internal">>;
