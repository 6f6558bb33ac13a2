import type { HiddenFields as Fields } from "./form-action";

/** The ids a form acts on; the server re-checks each against the actor's scope. */
export function HiddenFields({ fields }: { fields: Fields }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}
