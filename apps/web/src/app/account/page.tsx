import { AccountEmail } from "@/components/account/account-email";
import { DiscordLinkSection } from "@/components/account/discord-link-section";
import { SubscriptionStatus } from "@/components/account/subscription-status";
import { Card } from "@/components/ui/card";

export const metadata = { title: "Account" };

export default function AccountPage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-white">Account</h1>
      <AccountEmail />
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold text-white">Membership</h2>
        <SubscriptionStatus />
      </Card>
      <DiscordLinkSection />
    </div>
  );
}
