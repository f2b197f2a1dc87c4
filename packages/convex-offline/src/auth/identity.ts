// JWT claims → Convex UserIdentity, as the backend derives it.
import { type JWTPayload } from "jose";
import { type Identity } from "../engine/engine.js";

const ATTRIBUTE_BY_CLAIM: Record<string, string> = {
  sub: "subject",
  iss: "issuer",
  name: "name",
  given_name: "givenName",
  family_name: "familyName",
  nickname: "nickname",
  preferred_username: "preferredUsername",
  profile: "profileUrl",
  picture: "pictureUrl",
  email: "email",
  email_verified: "emailVerified",
  gender: "gender",
  birthdate: "birthday",
  zoneinfo: "timezone",
  locale: "language",
  phone_number: "phoneNumber",
  phone_number_verified: "phoneNumberVerified",
  address: "address",
  updated_at: "updatedAt",
};
const REGISTERED_CLAIMS = new Set(["aud", "exp", "iat", "nbf", "jti"]);

export function identityFromClaims(claims: JWTPayload): Identity {
  const identity: Record<string, unknown> = {};
  for (const [claim, value] of Object.entries(claims)) {
    if (REGISTERED_CLAIMS.has(claim) || value === undefined) continue;
    identity[ATTRIBUTE_BY_CLAIM[claim] ?? claim] = value;
  }
  const issuer = String(claims.iss ?? "");
  const subject = String(claims.sub ?? "");
  return { ...identity, issuer, subject, tokenIdentifier: `${issuer}|${subject}` };
}

/** An admin's impersonated identity (attributes as `npx convex run --identity` sends them). */
export function identityFromAttributes(attributes: Record<string, unknown>): Identity {
  const subject =
    typeof attributes.subject === "string" ? attributes.subject : "admin-impersonation";
  const issuer = typeof attributes.issuer === "string" ? attributes.issuer : "https://convex.test";
  const tokenIdentifier =
    typeof attributes.tokenIdentifier === "string"
      ? attributes.tokenIdentifier
      : `${issuer}|${subject}`;
  return { ...attributes, subject, issuer, tokenIdentifier };
}
