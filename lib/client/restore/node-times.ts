import type { TreeNode } from "../../core/repository";

/** mtime as fs.utimes wants it: seconds as a number (sub-microsecond precision is lost). */
export function mtimeSeconds(node: TreeNode): number {
  const ns = BigInt(node.mtimeNs);
  return Number(ns / 1_000_000_000n) + Number(ns % 1_000_000_000n) / 1e9;
}

/** Ownership is restored only by root, as restic and tar do; others keep their own uid. */
export function canChown(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}
