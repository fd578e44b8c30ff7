import { Readable } from "node:stream";
import { createInflateRaw, inflateRawSync } from "node:zlib";
import { AppError } from "../errors.ts";

/** One file inside a ZIP archive (an .xlsx is one): where its bytes are and how they are packed. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Offset of the entry's local header. */
  headerAt: number;
  compressedSize: number;
  /** The unpacked size the archive declares: checked, but never trusted (inflating counts too). */
  size: number;
}

const MB = 1024 * 1024;
/**
 * How large an entry may be once unpacked. A worksheet of 50,000 residents is some 30 MB, its
 * shared strings less; the rest of a workbook (styles, relations) is kilobytes. A 1 MB archive may
 * unpack to a gigabyte, so the limits hold while inflating, not after. The total is checked on the
 * declared sizes; what is really inflated is bounded by the limits of the five entries ever read.
 */
const UNZIP_LIMITS = { sheet: 200 * MB, strings: 100 * MB, other: 20 * MB, total: 500 * MB };

const limitOf = (name: string) =>
  /^xl\/worksheets\//.test(name)
    ? UNZIP_LIMITS.sheet
    : name === "xl/sharedStrings.xml"
      ? UNZIP_LIMITS.strings
      : UNZIP_LIMITS.other;

const tooLarge = (entry: string, limit: number) =>
  new AppError("UNZIPPED_TOO_LARGE", 413, {
    entry,
    limitBytes: limit,
  });

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
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw broken("bad central directory");
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry = {
      name: bytes.toString("utf8", at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      headerAt: bytes.readUInt32LE(at + 42),
    };
    if (entry.size > limitOf(entry.name)) throw tooLarge(entry.name, limitOf(entry.name));
    declared += entry.size;
    if (declared > UNZIP_LIMITS.total) throw tooLarge("(all entries)", UNZIP_LIMITS.total);
    entries.push(entry);
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
function entryStream(bytes: Buffer, entry: ZipEntry): Readable {
  const data = Readable.from([packed(bytes, entry)]);
  // 64 KB chunks: their text dies young and is collected at once, where 1 MB chunks piled up some
  // 100 MB before a full collection; reading 50,000 rows is no slower for it (measured).
  return entry.method === 0 ? data : data.pipe(createInflateRaw({ chunkSize: 1 << 16 }));
}

/** A small entry (workbook, styles, relations) as text; inflating stops at the entry's limit. */
export function entryText(bytes: Buffer, entry: ZipEntry): string {
  const data = packed(bytes, entry);
  const limit = limitOf(entry.name);
  if (entry.method === 0) return data.toString("utf8");
  try {
    return inflateRawSync(data, { maxOutputLength: limit }).toString("utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(entry.name, limit);
    throw err;
  }
}

/**
 * An entry's text in chunks, multi-byte characters kept whole across chunk boundaries. The bytes
 * are counted as they are inflated, and reading stops (the inflater destroyed) at the entry's limit.
 */
export async function* entryChunks(bytes: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const limit = limitOf(entry.name);
  let size = 0;
  for await (const chunk of entryStream(bytes, entry)) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(entry.name, limit);
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
