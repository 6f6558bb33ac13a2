/** The errno code of a Node fs error ("ENOENT", "EACCES"), or undefined for other errors. */
export function errnoCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}

/** A short reason for an activity entry, without the stack or the path repeated. */
export function describeFsError(error: unknown): string {
  const code = errnoCode(error);
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "vanished while being read";
    case "EIO":
      return "input/output error";
    case "ELOOP":
      return "too many levels of symbolic links";
    case undefined:
      return error instanceof Error ? error.message : String(error);
    default:
      return `${code}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
