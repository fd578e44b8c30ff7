import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { normalizeIdNumber } from "../../../shared/validators.ts";

const KEY_FILE = "pii.key";
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/** Sealed bytes (`encryptBytes`) start with this, then the IV, the tag and the ciphertext. */
const SEALED_MAGIC = Buffer.from("GGPII\x01", "latin1");
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface PiiVaultOptions {
  /** PII_KEY: 64 hex characters or the base64 of 32 bytes. */
  piiKey?: string;
  /** PII_KEY_FILE: a file holding such a key (never created: a missing file is an error). */
  keyFile?: string;
  /** Where `pii.key` is kept when neither is set. */
  dataDir?: string;
}

function parsePiiKey(value: string): Buffer {
  const text = value.trim();
  if (HEX_KEY.test(text)) return Buffer.from(text, "hex");
  if (BASE64_KEY.test(text)) {
    const key = Buffer.from(text, "base64");
    if (key.length === 32) return key;
  }
  throw new Error("PII_KEY must be 64 hex characters or the base64 encoding of 32 bytes");
}

function readKeyFile(path: string): Buffer {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new Error(`Cannot read the PII key file ${path}: ${(err as Error).message}`);
  }
  try {
    return parsePiiKey(text);
  } catch {
    throw new Error(`${path} must hold 64 hex characters or the base64 of 32 bytes (the PII_KEY format)`);
  }
}

function readOrCreateKeyFile(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    // "wx" never overwrites: losing this key makes every stored ID number unreadable.
    writeFileSync(path, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return readKeyFile(path);
}

/**
 * The start-up warning for a key kept beside the files: with a database server, the ID numbers are
 * in the database and the key (and the import files) in DATA_DIR, so a copy of DATA_DIR and a dump
 * of the database are both needed to read them — unless the key sits in DATA_DIR too. Undefined
 * when the key comes from the environment, from a file outside DATA_DIR, or the database is embedded
 * (then DATA_DIR holds the database anyway).
 */
export function keyLocationWarning(opts: PiiVaultOptions & { databaseUrl?: string }): string | undefined {
  if (!opts.databaseUrl || opts.piiKey !== undefined || !opts.dataDir) return undefined;
  const dataDir = resolve(opts.dataDir);
  const keyFile = resolve(opts.keyFile ?? join(dataDir, KEY_FILE));
  const path = relative(dataDir, keyFile);
  if (path === ".." || path.startsWith(`..${sep}`) || isAbsolute(path)) return undefined;
  return `WARNING: the personal-data key ${keyFile} lies inside DATA_DIR (${dataDir}) while DATABASE_URL is set: whoever copies DATA_DIR can read the ID numbers in the database and in import files. In production set PII_KEY in the environment, or PII_KEY_FILE to a file outside DATA_DIR.`;
}

/** AES-256-GCM with a fresh 96-bit IV: the IV, the tag and the ciphertext. */
function seal(key: Buffer, plain: Buffer): [Buffer, Buffer, Buffer] {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [iv, cipher.getAuthTag(), data];
}

function unseal(key: Buffer, iv: Buffer, tag: Buffer, data: Buffer): Buffer {
  try {
    // A fixed tag length stops a forger from shortening the tag to weaken the check.
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw new Error(
      "PII ciphertext cannot be decrypted: it was altered or PII_KEY is not the key it was written with",
    );
  }
}

/** A purpose-bound sub-key, so the blind-index key never equals the encryption key. */
function subKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, "gridgov-pii", purpose, 32));
}

/**
 * Encrypts personal data (AES-256-GCM) and computes blind indexes (HMAC-SHA256) for exact-match
 * lookup, with a master key kept outside the database.
 */
export class PiiVault {
  readonly #encKey: Buffer;
  readonly #fileKey: Buffer;
  readonly #indexKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error("The PII master key must be 32 bytes");
    this.#encKey = subKey(masterKey, "encrypt-v1");
    this.#fileKey = subKey(masterKey, "file-v1");
    this.#indexKey = subKey(masterKey, "blind-index-v1");
  }

  /**
   * PII_KEY if given, else PII_KEY_FILE, else `<dataDir>/pii.key` (created on first start), else an
   * ephemeral key (tests).
   */
  static async load(opts: PiiVaultOptions): Promise<PiiVault> {
    if (opts.piiKey !== undefined) return new PiiVault(parsePiiKey(opts.piiKey));
    if (opts.keyFile !== undefined) return new PiiVault(readKeyFile(opts.keyFile));
    if (opts.dataDir) return new PiiVault(readOrCreateKeyFile(opts.dataDir));
    return new PiiVault(randomBytes(32));
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts; a fresh IV each time, so equal values differ. */
  encrypt(plain: string): string {
    const parts = seal(this.#encKey, Buffer.from(plain, "utf8")).map((b) => b.toString("base64url"));
    return `v1.${parts.join(".")}`;
  }

  decrypt(token: string): string {
    const [version, iv, tag, data, ...rest] = token.split(".");
    if (version !== "v1" || iv === undefined || tag === undefined || data === undefined || rest.length > 0) {
      throw new Error("Not a PII ciphertext (expected v1.<iv>.<tag>.<data>)");
    }
    const [ivBytes, tagBytes, dataBytes] = [iv, tag, data].map((p) => Buffer.from(p, "base64url"));
    return unseal(this.#encKey, ivBytes as Buffer, tagBytes as Buffer, dataBytes as Buffer).toString("utf8");
  }

  /** A whole file that holds personal data (an import's upload, its row report), sealed with its own sub-key. */
  encryptBytes(plain: Buffer): Buffer {
    return Buffer.concat([SEALED_MAGIC, ...seal(this.#fileKey, plain)]);
  }

  decryptBytes(sealed: Buffer): Buffer {
    const head = SEALED_MAGIC.length;
    if (sealed.length < head + IV_BYTES + TAG_BYTES || !sealed.subarray(0, head).equals(SEALED_MAGIC))
      throw new Error("Not sealed PII bytes");
    const tagAt = head + IV_BYTES;
    return unseal(
      this.#fileKey,
      sealed.subarray(head, tagAt),
      sealed.subarray(tagAt, tagAt + TAG_BYTES),
      sealed.subarray(tagAt + TAG_BYTES),
    );
  }

  /**
   * HMAC-SHA256 (hex) of the identifier after normalizeIdNumber (whitespace, full width, case), so
   * "…002x" and "…002X" match. Normalise other kinds first (e.g. normalizeMobile for phones).
   */
  blindIndex(value: string): string {
    return createHmac("sha256", this.#indexKey).update(normalizeIdNumber(value), "utf8").digest("hex");
  }
}
