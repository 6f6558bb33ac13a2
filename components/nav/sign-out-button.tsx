"use client";

import { useActionState } from "react";
import { logout } from "@/app/(portal)/actions";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [, action, pending] = useActionState(logout, undefined);
  return (
    <form action={action}>
      <Button type="submit" variant="ghost" disabled={pending}>
        Sign out
      </Button>
    </form>
  );
}
