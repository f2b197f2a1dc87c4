/* eslint-disable */
/**
 * Generated `ComponentApi` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `npx convex dev`.
 * @module
 */

import type { FunctionReference } from "convex/server";

/**
 * A utility for referencing a Convex component's exposed API.
 *
 * Useful when expecting a parameter like `components.myComponent`.
 */
export type ComponentApi<Name extends string | undefined = string | undefined> = {
  lib: {
    scheduleTick: FunctionReference<
      "mutation",
      "internal",
      { delayMs: number; label: string },
      null,
      Name
    >;
    labels: FunctionReference<"query", "internal", {}, Array<string>, Name>;
  };
};
