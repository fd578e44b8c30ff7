import { transfer } from "./pool.ts";

/** Worker tasks for pool.test.ts. */

/** Holds its thread for `ms` of CPU, then answers with that many bytes of 7s. */
export function spin(ms: number): Uint8Array {
  const end = performance.now() + ms;
  while (performance.now() < end);
  return transfer(new Uint8Array(ms).fill(7));
}

export function fail(message: string): never {
  throw new Error(message);
}
