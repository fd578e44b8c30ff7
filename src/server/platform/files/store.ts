import { createHash, randomUUID } from "node:crypto";
import { createReadStream, type ReadStream } from "node:fs";
import { mkdir, open, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";

/** How many leading bytes are kept for type detection (file-type needs at most this many for images). */
const HEAD_BYTES = 4100;

/** Bytes received into a temporary file, hashed on the way, not yet stored under their id. */
export interface Received {
  /** sha256 of the bytes, hex: the id the file is stored under. */
  id: string;
  size: number;
  /** The first bytes, for type detection. */
  head: Buffer;
  temp: string;
}

/**
 * Content-addressed bytes under `<dataDir>/files/<first 2 hex>/<sha256>`. A file is written to a
 * temporary name in the same directory tree, flushed, then renamed into place, so a crash never
 * leaves a half-written file under a real id; the same bytes stored twice are one file.
 */
export class FileStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, "files");
  }

  pathOf(id: string): string {
    return join(this.root, id.slice(0, 2), id);
  }

  /** Writes the chunks to a temporary file; the caller then `commit`s or `discard`s it. */
  async receive(chunks: AsyncIterable<Buffer>): Promise<Received> {
    const tmpDir = join(this.root, ".tmp");
    await mkdir(tmpDir, { recursive: true });
    const temp = join(tmpDir, randomUUID());
    const hash = createHash("sha256");
    const head: Buffer[] = [];
    let headSize = 0;
    let size = 0;
    const handle = await open(temp, "wx");
    try {
      for await (const chunk of chunks) {
        hash.update(chunk);
        if (headSize < HEAD_BYTES) {
          head.push(chunk.subarray(0, HEAD_BYTES - headSize));
          headSize += Math.min(chunk.length, HEAD_BYTES - headSize);
        }
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
    return { id: hash.digest("hex"), size, head: Buffer.concat(head), temp };
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

  /** The stored bytes, or null when no file has that id. */
  async open(id: string): Promise<ReadStream | null> {
    const path = this.pathOf(id);
    if (!(await exists(path))) return null;
    return createReadStream(path);
  }
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
