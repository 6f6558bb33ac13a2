import { Badge, type Tone } from "@/components/ui/badge";

const tones: Record<string, Tone> = { success: "green", warning: "amber", failed: "red", interrupted: "red", running: "blue" };

export function ActivityStatusBadge({ status }: { status: string }) {
  return <Badge tone={tones[status] ?? "gray"}>{status}</Badge>;
}
