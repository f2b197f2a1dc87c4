// The caller of an HTTP request: `Bearer <jwt>` (a user), `Convex <adminKey>` (an admin),
// `Convex <adminKey>:<base64 identity JSON>` (an admin impersonating a user), or anonymous.
import { adminKeyMatches } from "../auth/adminKey.js";
import { identityFromAttributes } from "../auth/identity.js";
import { type TokenVerifier } from "../auth/tokenVerifier.js";
import { ANONYMOUS, type Caller } from "../engine/calls.js";
import { errorMessage } from "../log.js";
import { HttpError } from "./httpUtil.js";

export async function callerFromHeader(
  header: string | undefined,
  verifier: TokenVerifier,
  adminKey: string,
): Promise<Caller> {
  if (header === undefined || header.trim() === "") return ANONYMOUS;
  const [scheme = "", ...rest] = header.trim().split(" ");
  const credential = rest.join(" ").trim();
  if (scheme.toLowerCase() === "bearer") {
    try {
      return { identity: await verifier.verify(credential), isAdmin: false };
    } catch (error) {
      throw new HttpError(401, "Unauthenticated", errorMessage(error));
    }
  }
  if (scheme === "Convex") {
    const separator = credential.indexOf(":");
    const key = separator === -1 ? credential : credential.slice(0, separator);
    if (!adminKeyMatches(adminKey, key)) {
      throw new HttpError(
        401,
        "BadAdminKey",
        "The provided admin key is invalid for this deployment.",
      );
    }
    if (separator === -1) return { identity: null, isAdmin: true };
    try {
      const attributes = JSON.parse(
        Buffer.from(credential.slice(separator + 1), "base64").toString("utf8"),
      ) as unknown;
      if (typeof attributes !== "object" || attributes === null || Array.isArray(attributes)) {
        throw new Error("identity is not an object");
      }
      return {
        identity: identityFromAttributes(attributes as Record<string, unknown>),
        isAdmin: true,
      };
    } catch (error) {
      throw new HttpError(
        400,
        "BadImpersonation",
        `Invalid impersonated identity: ${errorMessage(error)}`,
      );
    }
  }
  throw new HttpError(
    401,
    "BadAuthHeader",
    `Unsupported Authorization scheme "${scheme}". Use Bearer or Convex.`,
  );
}
