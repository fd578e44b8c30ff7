import { createHash, randomUUID } from "node:crypto";
import { createReadStream, type ReadStream } from "node:fs";
import { mkdir, open, readdir, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";

/** Bytes received into a temporary file, hashed on the way, not yet stored under their id. */
export interface Received {
  /** sha256 of the bytes, hex: the id the file is stored under. */
  id: string;
  size: number;
  temp: string;
}

/**
 * Content-addressed bytes under `<dataDir>/files/<first 2 hex>/<sha256>`. A file is written to a
 * temporary name in the same directory tree, flushed, then renamed into place, so a crash never
 * leaves a half-written file under a real id; the same bytes stored twice are one file.
 */
export class FileStore {
  readonly root: string;
  /** Where bytes are written while they arrive; left there only by a crash. */
  readonly tmpDir: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, "files");
    this.tmpDir = join(this.root, ".tmp");
  }

  pathOf(id: string): string {
    return join(this.root, id.slice(0, 2), id);
  }

  /** Writes the chunks to a temporary file; the caller then `commit`s or `discard`s it. */
  async receive(chunks: AsyncIterable<Buffer>): Promise<Received> {
    await mkdir(this.tmpDir, { recursive: true });
    const temp = join(this.tmpDir, randomUUID());
    const hash = createHash("sha256");
    let size = 0;
    const handle = await open(temp, "wx");
    try {
      for await (const chunk of chunks) {
        hash.update(chunk);
        size += chunk.length;
        await handle.write(chunk);
      }
      await handle.sync();
    } catch (err) {
      await handle.close().catch(() => {});
      await unlink(temp).catch(() => {});
      throw err;
    }
    await handle.close();
    return { id: hash.digest("hex"), size, temp };
  }

  /** Moves received bytes into place under their id; if they are already stored, keeps the stored copy. */
  async commit(received: Received): Promise<void> {
    const target = this.pathOf(received.id);
    if (await exists(target)) return this.discard(received);
    await mkdir(join(this.root, received.id.slice(0, 2)), { recursive: true });
    await rename(received.temp, target);
  }

  async discard(received: Received): Promise<void> {
    await unlink(received.temp).catch(() => {});
  }

  /** Deletes a stored file's bytes; already gone is fine. */
  async remove(id: string): Promise<void> {
    await unlink(this.pathOf(id)).catch(unlessMissing);
  }

  /**
   * Deletes temporary files last written before `before`, returning how many: bytes are received and
   * moved into place within one request, so an old one was left by a crash and belongs to no one.
   */
  async sweepTemporary(before: Date): Promise<number> {
    const names = await readdir(this.tmpDir).catch((err) => unlessMissing(err) ?? []);
    let removed = 0;
    for (const name of names) {
      const path = join(this.tmpDir, name);
      const info = await stat(path).catch(unlessMissing);
      if (!info?.isFile() || info.mtimeMs >= before.getTime()) continue;
      await unlink(path).catch(unlessMissing);
      removed++;
    }
    return removed;
  }

  /** The stored bytes, or null when no file has that id. */
  async open(id: string): Promise<ReadStream | null> {
    const path = this.pathOf(id);
    if (!(await exists(path))) return null;
    return createReadStream(path);
  }
}

/** For `.catch`: a file that is already gone is no error (another process got there first). */
function unlessMissing(err: NodeJS.ErrnoException): undefined {
  if (err.code === "ENOENT") return undefined;
  throw err;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
}
