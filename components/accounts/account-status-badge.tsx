import { Badge } from "@/components/ui/badge";

export function AccountStatusBadge({ status }: { status: "active" | "suspended" | "moving" }) {
  return <Badge tone={status === "active" ? "green" : status === "moving" ? "blue" : "gray"}>{status}</Badge>;
}
