import { appError } from "../shared/errors";

// The password provider's failures (codes from model/shared/errors.ts). Each is worded the same whether
// or not an account exists for the address, so an answer never tells the caller who has an
// account. The web app shows `message` as is.

export const invalidCredentials = () => appError("INVALID_CREDENTIALS", "Wrong email or password.");

export const invalidCode = () =>
  appError(
    "INVALID_CODE",
    "That code is wrong or has expired. Check the newest email, or ask for a new code.",
  );
