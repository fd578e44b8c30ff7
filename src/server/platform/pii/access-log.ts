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

/** Records one read of an unmasked value; run it in the reading request's transaction. */
export async function logPiiAccess(executor: Executor, entry: PiiAccess): Promise<void> {
  await executor.insert(piiAccessLog).values({
    actorId: entry.actorId,
    entity: entry.entity,
    entityId: entry.entityId,
    field: entry.field,
    purpose: entry.purpose ?? null,
    ip: entry.ip ?? null,
  });
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
