import { bulkInsert } from "../db/bulk.ts";
import type { Executor } from "../db/connect.ts";
import { piiAccessLog } from "./tables.ts";
import type { PiiVault } from "./vault.ts";

export interface PiiAccess {
  /** Null for system work (e.g. a job), never for a person's request. */
  actorId: string | null;
  entity: string;
  entityId: string;
  field: string;
  purpose?: string;
  ip?: string;
}

const rowOf = (entry: PiiAccess) => ({
  actorId: entry.actorId,
  entity: entry.entity,
  entityId: entry.entityId,
  field: entry.field,
  purpose: entry.purpose ?? null,
  ip: entry.ip ?? null,
});

/** Records one read of an unmasked value; run it in the reading request's transaction. */
export async function logPiiAccess(executor: Executor, entry: PiiAccess): Promise<void> {
  await executor.insert(piiAccessLog).values(rowOf(entry));
}

/** Records many reads (an export's page) with one statement per chunk, not one per read. */
export async function logPiiAccesses(executor: Executor, entries: PiiAccess[]): Promise<void> {
  await bulkInsert(executor, piiAccessLog, entries.map(rowOf));
}

/** The only sanctioned way to read an unmasked value: decrypts it and logs the access. */
export async function revealPii(
  executor: Executor,
  vault: PiiVault,
  ciphertext: string,
  entry: PiiAccess,
): Promise<string> {
  const plain = vault.decrypt(ciphertext);
  // Logged before the value is returned, so a failed log write withholds the value.
  await logPiiAccess(executor, entry);
  return plain;
}

/**
 * `revealPii` for many values at once, logged in bulk together with `alsoLogged` (reads of values
 * stored in the clear, such as phones); the plain values in the order of `reads`.
 */
export async function revealPiiMany(
  executor: Executor,
  vault: PiiVault,
  reads: Array<{ ciphertext: string; entry: PiiAccess }>,
  alsoLogged: PiiAccess[] = [],
): Promise<string[]> {
  const plain = reads.map((r) => vault.decrypt(r.ciphertext));
  await logPiiAccesses(executor, [...reads.map((r) => r.entry), ...alsoLogged]);
  return plain;
}
