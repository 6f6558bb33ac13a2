import { renameResellerAction, setResellerStatusAction } from "@/app/(portal)/resellers/actions";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { SettingForm } from "@/components/forms/setting-form";
import { Card } from "@/components/ui/card";

/** The admin's controls for one reseller; every change is audit-logged. */
export function ResellerSettings({ reseller }: { reseller: { id: number; name: string; disabled: boolean } }) {
  return (
    <Card className="grid gap-6 p-4 sm:grid-cols-2">
      <SettingForm action={renameResellerAction} hidden={{ resellerId: reseller.id }} name="name" label="Name" defaultValue={reseller.name} hint="Up to 120 characters; must be unique." wide />
      <ActionButtonForm
        action={setResellerStatusAction}
        hidden={{ resellerId: reseller.id, status: reseller.disabled ? "enable" : "disable" }}
        title="Access"
        label={reseller.disabled ? "Enable reseller" : "Disable reseller"}
        hint={
          reseller.disabled
            ? "Its staff and its customers can sign in again."
            : "Its staff and its customers are signed out and cannot sign in. Backups keep running."
        }
        primary={reseller.disabled}
      />
    </Card>
  );
}
