import type { GenericActionCtx } from "convex/server";
import type { DataModel } from "../../_generated/dataModel";
import { sendEmail } from "../email/email";
import { requireEnv } from "../shared/env";

/**
 * Sign-up with an address that already has an account answers like any sign-up ("check your
 * email"); this mail is how the owner learns what to do instead. It holds no code.
 */
export async function sendAccountExistsNotice(
  ctx: GenericActionCtx<DataModel>,
  email: string,
): Promise<void> {
  const site = requireEnv("SITE_URL").replace(/\/+$/, "");
  await sendEmail(ctx, {
    to: email,
    subject: "You already have a G3netic account",
    text:
      "Someone (hopefully you) tried to create a G3netic Crypto Signals account with this email, " +
      "but it already has one.\n\n" +
      `Sign in: ${site}/signin\nForgot your password? Reset it: ${site}/reset\n\n` +
      "If it was not you, you can ignore this email: nothing was changed.",
  });
}
