import { Readable } from "node:stream";
import { createInflateRaw, inflateRawSync } from "node:zlib";

/** One file inside a ZIP archive (an .xlsx is one): where its bytes are and how they are packed. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Offset of the entry's local header. */
  headerAt: number;
  compressedSize: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const broken = (what: string) => new Error(`not a readable ZIP archive: ${what}`);

/**
 * The entries of a ZIP archive, read from its central directory, in archive order. Enough of the
 * format for spreadsheets of at most 10 MB (no ZIP64, no encryption); inflating is zlib's.
 */
export function zipEntries(bytes: Buffer): ZipEntry[] {
  // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KB.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken("no end of central directory");
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw broken("bad central directory");
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      name: bytes.toString("utf8", at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      headerAt: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function packed(bytes: Buffer, entry: ZipEntry): Buffer {
  const h = entry.headerAt;
  if (h + 30 > bytes.length || bytes.readUInt32LE(h) !== LOCAL)
    throw broken(`bad local header of ${entry.name}`);
  const start = h + 30 + bytes.readUInt16LE(h + 26) + bytes.readUInt16LE(h + 28);
  if (start + entry.compressedSize > bytes.length) throw broken(`${entry.name} is cut short`);
  if (entry.method !== 0 && entry.method !== 8)
    throw broken(`${entry.name} uses compression ${entry.method}`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** An entry's bytes as a stream, inflated on the way (a 50,000-row sheet is tens of MB unpacked). */
export function entryStream(bytes: Buffer, entry: ZipEntry): Readable {
  const data = Readable.from([packed(bytes, entry)]);
  // Large chunks: each one is a round trip to the zlib thread pool.
  return entry.method === 0 ? data : data.pipe(createInflateRaw({ chunkSize: 1 << 20 }));
}

/** A small entry (workbook, styles, relations) as text. */
export function entryText(bytes: Buffer, entry: ZipEntry): string {
  const data = packed(bytes, entry);
  return (entry.method === 0 ? data : inflateRawSync(data)).toString("utf8");
}

/** An entry's text in chunks, multi-byte characters kept whole across chunk boundaries. */
export async function* entryChunks(bytes: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of entryStream(bytes, entry)) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
