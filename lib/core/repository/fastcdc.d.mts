import type { ChunkerParams } from "./types";

export interface ScanState {
  /** Bytes of the current chunk already consumed. */
  pos: number;
  hash: number;
}

export interface CutScanner {
  /**
   * Scans `buf` from `from` for the current chunk's cut point. Returns the index in `buf` just
   * after the cut (state reset for the next chunk), or -1 when `buf` ended first (state kept).
   */
  scan(buf: Uint8Array, from: number, state: ScanState): number;
}

export function createCutScanner(params: Pick<ChunkerParams, "minSize" | "avgSize" | "maxSize">, gear: Uint32Array | Int32Array): CutScanner;
