import { eq, inArray } from "drizzle-orm";
import type { RecordAudit } from "../audit/index.ts";
import type { Executor } from "../db/index.ts";
import type { PiiVault } from "../pii/index.ts";
import { readStoredFile, storeBytes } from "./bytes.ts";
import type { StoredFile } from "./files.ts";
import { FileStore } from "./store.ts";
import { files } from "./tables.ts";

/**
 * Files with personal data inside (an import's upload, its row report, both full of 身份证 numbers)
 * are stored sealed: AES-256-GCM under the PII key, so a copy of DATA_DIR does not give them away.
 * Their recorded type says so and names the type inside; the file route serves image/* only, so it
 * never serves one. A fresh IV each time makes every sealed file unique: deleting one never takes
 * another's bytes.
 */
const SEALED_PREFIX = "application/vnd.gridgov.sealed; type=";

export async function storeSealed(
  tx: Executor,
  audit: RecordAudit,
  dataDir: string,
  vault: PiiVault,
  createdBy: string | null,
  file: { bytes: Buffer; mime: string },
): Promise<StoredFile> {
  return storeBytes(tx, audit, dataDir, createdBy, {
    bytes: vault.encryptBytes(file.bytes),
    mime: `${SEALED_PREFIX}${file.mime}`,
  });
}

/** A sealed file's bytes in clear and the type inside, or null when it is gone (or is not sealed). */
export async function readSealed(
  executor: Executor,
  dataDir: string,
  vault: PiiVault,
  id: string,
): Promise<{ bytes: Buffer; mime: string } | null> {
  const [row] = await executor.select({ mime: files.mime }).from(files).where(eq(files.id, id));
  if (!row?.mime.startsWith(SEALED_PREFIX)) return null;
  const sealed = await readStoredFile(dataDir, id);
  return sealed && { bytes: vault.decryptBytes(sealed), mime: row.mime.slice(SEALED_PREFIX.length) };
}

/**
 * Deletes files their one owner is done with: the bytes first, then the rows, so a crash in between
 * leaves a row that a later sweep finds and deletes again, never bytes nobody knows of.
 */
export async function deleteStoredFiles(
  executor: Executor,
  dataDir: string,
  ids: ReadonlyArray<string | null>,
): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return;
  const store = new FileStore(dataDir);
  for (const id of wanted) await store.remove(id);
  await executor.delete(files).where(inArray(files.id, wanted));
}

/** Deletes the temporary files a crash left under DATA_DIR/files before `before`; returns how many. */
export const sweepTemporaryFiles = (dataDir: string, before: Date) =>
  new FileStore(dataDir).sweepTemporary(before);
