import os from "node:os";

/**
 * Who made an account change outside the portal. The CLI has no portal user, so the audit row's
 * actor_user_id stays null and the details name the tool and the OS user that ran it.
 */
export interface AdminActor {
  source: string;
  osUser: string;
}

export function adminCliActor(): AdminActor {
  let osUser: string;
  try {
    osUser = os.userInfo().username;
  } catch {
    // No passwd entry (some containers run under an arbitrary uid).
    osUser = `uid:${process.getuid?.() ?? "?"}`;
  }
  return { source: "admin-cli", osUser };
}
