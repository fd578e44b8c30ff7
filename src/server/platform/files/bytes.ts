import type { ReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import { type Actor, audited, type RecordAudit } from "../audit/index.ts";
import type { Db, Executor } from "../db/index.ts";
import { fileUrl, type StoredFile } from "./files.ts";
import type { Image } from "./images.ts";
import { FileStore } from "./store.ts";
import { files } from "./tables.ts";

/**
 * Stores bytes the server made or re-encoded itself (a photo, a report) under their sha256, with the row and its
 * audit entry in the caller's transaction. The bytes are in place before the row is written.
 */
export async function storeBytes(
  tx: Executor,
  audit: RecordAudit,
  dataDir: string,
  createdBy: string | null,
  file: { bytes: Buffer; mime: string },
): Promise<StoredFile> {
  const store = new FileStore(dataDir);
  const received = await store.receive(
    (async function* () {
      yield file.bytes;
    })(),
  );
  await store.commit(received);
  const { id, size } = received;
  await tx.insert(files).values({ id, mime: file.mime, size, createdBy }).onConflictDoNothing();
  await audit({ action: "files.upload", entity: "file", entityId: id, after: { mime: file.mime, size } });
  return { id, mime: file.mime, size, url: fileUrl(id) };
}

/**
 * Stores an uploaded photo, already re-encoded by `receiveImage`, under the sha256 of the stored
 * bytes, with the row and its audit entry in one transaction.
 */
export function storePhoto(db: Db, dataDir: string, actor: Actor, image: Image): Promise<StoredFile> {
  return audited(db, actor, (tx, audit) => storeBytes(tx, audit, dataDir, actor.userId, image));
}

/** A stored file's type, size and bytes as a stream, or null when there is no such file. */
export async function openStoredFile(
  executor: Executor,
  dataDir: string,
  id: string,
): Promise<{ mime: string; size: number; stream: ReadStream } | null> {
  const [row] = await executor.select().from(files).where(eq(files.id, id));
  const stream = row ? await new FileStore(dataDir).open(row.id) : null;
  return row && stream ? { mime: row.mime, size: row.size, stream } : null;
}

/** Answers with a stored file's bytes, streamed, under its detected type and never sniffed. */
export function sendStoredFile(
  reply: FastifyReply,
  file: { mime: string; size: number; stream: ReadStream },
  cacheControl: string,
) {
  return (
    reply
      .type(file.mime)
      .header("content-length", file.size)
      .header("cache-control", cacheControl)
      .header("x-content-type-options", "nosniff")
      // A stream; the schema's binary string only documents it (streams are never serialised).
      .send(file.stream as unknown as string)
  );
}

/** A stored file's bytes, or null (for drawing a photo into a PDF). */
export async function readStoredFile(dataDir: string, id: string): Promise<Buffer | null> {
  return readFile(new FileStore(dataDir).pathOf(id)).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return null;
    throw err;
  });
}
