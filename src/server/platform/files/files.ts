import { Type } from "@sinclair/typebox";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../db/index.ts";
import { AppError, notFound, unprocessable } from "../errors.ts";
import { files } from "./tables.ts";

/** The largest file accepted, in bytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

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
  new AppError("FILE_TOO_LARGE", 413, {
    maxBytes: MAX_FILE_BYTES,
  });

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
    throw unprocessable("UNKNOWN_FILE", { missing });
  }
}
