import { InterruptedError } from "./interrupted";

/**
 * For read-only repository operations that cannot stop part-way on request (check): rejects with
 * InterruptedError as soon as the signal fires, so the activity is recorded as interrupted at
 * once; the operation keeps running, unobserved, until the CLI exits right after.
 */
export function raceSignal<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(new InterruptedError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => undefined);
      reject(new InterruptedError());
    };
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
