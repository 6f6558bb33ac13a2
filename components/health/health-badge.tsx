import { Badge, type Tone } from "@/components/ui/badge";
import type { AccountHealth } from "@/lib/dal/health/account-health";

const tones: Record<AccountHealth, Tone> = { overdue: "red", missed: "red", failed: "red", warning: "amber", new: "blue", ok: "green" };

/** An account's (or a customer's worst) health; null: nothing to judge, e.g. no accounts. */
export function HealthBadge({ health }: { health: AccountHealth | null }) {
  return health === null ? <Badge tone="gray">no accounts</Badge> : <Badge tone={tones[health]}>{health}</Badge>;
}
