import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/input";

/** The admin's "which reseller" filter of a GET form (`reseller=<id>`; empty: all). */
export function ResellerSelect({ resellers, value }: { resellers: { id: number; name: string }[]; value: number | undefined }) {
  return (
    <label className="text-sm">
      <span className="mb-1 block font-medium">Reseller</span>
      <select name="reseller" defaultValue={value ?? ""} className={cn(inputClass, "w-48")}>
        <option value="">all resellers</option>
        {resellers.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}
