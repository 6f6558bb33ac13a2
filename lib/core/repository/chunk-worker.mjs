// The backup's chunk worker: finds the content-defined cut points (fastcdc.mjs) and computes each
// chunk's keyed BLAKE3 id, in the file readers' shared work buffers, so the main thread only reads
// files, looks ids up in the index and hands new chunks to the pack worker. Measured before it:
// cutting and hashing took 2-4 s per GB on the main thread, which then held back both workers.
// Plain JavaScript so it loads the same under node, tsx, vitest and the bundled CLI.
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";
import { createCutScanner } from "./fastcdc.mjs";

/** @type {{ Blake3Hasher: { newKeyed(key: Buffer): { update(data: Buffer): { digest(encoding: "hex"): string } } } }} */
const { Blake3Hasher } = createRequire(import.meta.url)("@napi-rs/blake-hash");
const scanner = createCutScanner(workerData.params, new Int32Array(workerData.gear));
const idKey = Buffer.from(workerData.idKey);

/**
 * One request: the bytes [start, filled) of `buffer` are the current chunk's so far, those before
 * `from` already scanned with `state`. Replies with the end and id of every chunk completed (the
 * rest too when `final`) and the state to pass next time.
 */
function scan({ buffer, start, from, filled, pos, hash, final }) {
  const bytes = Buffer.from(buffer, 0, filled);
  const state = { pos, hash };
  const ends = [];
  const ids = [];
  const emit = (end) => {
    ids.push(Blake3Hasher.newKeyed(idKey).update(bytes.subarray(start, end)).digest("hex"));
    ends.push(end);
    start = end;
  };
  for (;;) {
    const cut = scanner.scan(bytes, from, state);
    if (cut < 0) break;
    emit(cut);
    from = cut;
  }
  if (final && filled > start) emit(filled);
  return { ends, ids, pos: state.pos, hash: state.hash };
}

parentPort.on("message", (message) => {
  try {
    parentPort.postMessage({ seq: message.seq, ...scan(message) });
  } catch (error) {
    parentPort.postMessage({ seq: message.seq, error: String(error?.stack ?? error) });
  }
});
