import { AccountEmail } from "@/components/account/account-email";
import { BillingSection } from "@/components/account/billing-section";
import { DiscordLinkSection } from "@/components/account/discord-link-section";
import { EmailPreferences } from "@/components/account/email-preferences";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { SubscriptionStatus } from "@/components/account/subscription-status";
import { Card } from "@/components/ui/card";
import Link from "next/link";

export const metadata = { title: "Account" };

type SearchParams = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined): string | null =>
  typeof value === "string" ? value : null;

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-white">Account</h1>
      <AccountEmail />
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold text-white">Membership</h2>
        <SubscriptionStatus />
      </Card>
      <BillingSection />
      <DiscordLinkSection outcome={single(params.discord)} reason={single(params.reason)} />
      <EmailPreferences />
      <Card className="flex items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-white">Notifications on your phone</h2>
        <Link href="/account/notifications" className="text-sm text-sky-400 hover:underline">
          Set up notifications
        </Link>
      </Card>
      <SignOutEverywhere />
    </div>
  );
}
