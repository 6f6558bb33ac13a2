import { updateAccountInterval, updateAccountQuota, updateAccountStatus } from "@/app/(portal)/accounts/[accountId]/actions";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { SettingForm } from "@/components/forms/setting-form";
import { Card } from "@/components/ui/card";
import type { AccountStatus } from "@/db/schema/accounts";
import { formatBytes } from "@/lib/format";
import { ResetPasswordForm } from "./reset-password-form";

interface SettingsAccount {
  id: number;
  status: AccountStatus;
  quotaBytes: number;
  expectedIntervalHours: number | null;
}

/** The reseller's and admin's controls for one account; every change is audit-logged. */
export function AccountSettings({ account }: { account: SettingsAccount }) {
  const suspended = account.status === "suspended";
  return (
    <Card className="grid gap-6 p-4 sm:grid-cols-2 lg:grid-cols-4">
      <SettingForm
        action={updateAccountQuota}
        hidden={{ accountId: account.id }}
        name="quota"
        label="Quota"
        defaultValue={quotaText(account.quotaBytes)}
        hint={`Now ${formatBytes(account.quotaBytes)}. Sizes such as 500G or 1.5T.`}
      />
      <SettingForm
        action={updateAccountInterval}
        hidden={{ accountId: account.id }}
        name="interval"
        label="Expected backup interval"
        defaultValue={account.expectedIntervalHours === null ? "" : `${account.expectedIntervalHours}h`}
        hint="Such as 24h or 7d; no backup within it is “missed”. Empty: no expectation."
      />
      <ActionButtonForm
        action={updateAccountStatus}
        hidden={{ accountId: account.id, status: suspended ? "resume" : "suspend" }}
        title="Backups"
        label={suspended ? "Resume account" : "Suspend account"}
        hint={account.status === "moving" ? "Being moved to another device: try again when the move has finished." : suspended ? "Backup servers accept its sessions again." : "Backup servers refuse its sessions until it is resumed; its data stays."}
        primary={suspended}
        disabled={account.status === "moving"}
      />
      <ResetPasswordForm accountId={account.id} />
    </Card>
  );
}

// The largest binary unit that writes the quota exactly, so saving the form unchanged changes nothing.
function quotaText(bytes: number): string {
  for (const [unit, size] of [["T", 2 ** 40], ["G", 2 ** 30], ["M", 2 ** 20], ["K", 2 ** 10]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return String(bytes);
}
