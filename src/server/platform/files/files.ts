import { Type } from "@sinclair/typebox";
import { eq, inArray } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { type Actor, audited } from "../audit/index.ts";
import type { Db, Executor } from "../db/index.ts";
import { AppError, notFound, unprocessable } from "../errors.ts";
import type { FileStore, Received } from "./store.ts";
import { files } from "./tables.ts";

/** The largest file accepted, in bytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Photo types accepted, as detected from the bytes. */
export const PHOTO_TYPES: readonly string[] = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/gif",
  "image/heic",
  "image/heif",
];

/** A stored file's id: the sha256 of its bytes, lower-case hex. */
export const FileId = Type.String({ pattern: "^[0-9a-f]{64}$", minLength: 64, maxLength: 64 });

/** Photos attached to a JSON body: ids returned by `POST /api/v1/files`; check them with `assertFilesExist`. */
export const PhotoIds = Type.Array(FileId, { maxItems: 9, description: "ids from POST /api/v1/files" });

export interface StoredFile {
  id: string;
  mime: string;
  size: number;
  url: string;
}

export const fileUrl = (id: string) => `/api/v1/files/${id}`;

/** A stored photo as responses show it: its id and where to fetch it. */
export const PhotoRef = Type.Object({ id: Type.String(), url: Type.String() });
export const photoRefs = (ids: readonly string[]) => ids.map((id) => ({ id, url: fileUrl(id) }));

export const fileTooLarge = () =>
  new AppError("FILE_TOO_LARGE", 413, `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`, {
    maxBytes: MAX_FILE_BYTES,
  });

/**
 * Stores received bytes if they are an accepted photo: the type comes from the bytes, not from the
 * file name or the client's content type. The bytes are in place before the row is written, so a
 * row never names a missing file; the row and its audit entry are one transaction.
 */
export async function storePhoto(
  db: Db,
  store: FileStore,
  actor: Actor,
  received: Received,
): Promise<StoredFile> {
  const type = await fileTypeFromBuffer(received.head);
  if (!type || !PHOTO_TYPES.includes(type.mime)) {
    await store.discard(received);
    throw new AppError(
      "UNSUPPORTED_FILE_TYPE",
      415,
      "Only JPEG, PNG, WebP, GIF and HEIC/HEIF photos are accepted",
      {
        detected: type?.mime ?? null,
        accepted: PHOTO_TYPES,
      },
    );
  }
  await store.commit(received);
  const { id, size } = received;
  return audited(db, actor, async (tx, audit) => {
    await tx
      .insert(files)
      .values({ id, mime: type.mime, size, createdBy: actor.userId })
      .onConflictDoNothing();
    await audit({ action: "files.upload", entity: "file", entityId: id, after: { mime: type.mime, size } });
    return { id, mime: type.mime, size, url: fileUrl(id) };
  });
}

/** A stored file's row, or 404. */
export async function getFile(executor: Executor, id: string) {
  const [row] = await executor.select().from(files).where(eq(files.id, id));
  if (!row) throw notFound("file", id);
  return row;
}

/** Refuses (422 UNKNOWN_FILE) file ids that name no stored file, e.g. photo ids received in a JSON body. */
export async function assertFilesExist(executor: Executor, ids: readonly string[]): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = new Set(
    (await executor.select({ id: files.id }).from(files).where(inArray(files.id, wanted))).map((r) => r.id),
  );
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw unprocessable("UNKNOWN_FILE", `No uploaded file has the id ${missing.join(", ")}`, { missing });
  }
}
