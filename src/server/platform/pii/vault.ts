import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeIdNumber } from "./validators.ts";

const KEY_FILE = "pii.key";
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

export interface PiiVaultOptions {
  /** PII_KEY: 64 hex characters or the base64 of 32 bytes. */
  piiKey?: string;
  /** Where `pii.key` is kept when PII_KEY is not set. */
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

function readOrCreateKeyFile(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    // "wx" never overwrites: losing this key makes every stored ID number unreadable.
    writeFileSync(path, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const text = readFileSync(path, "utf8").trim();
  if (!HEX_KEY.test(text)) throw new Error(`${path} must hold 64 hex characters (or set PII_KEY)`);
  return Buffer.from(text, "hex");
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
  readonly #indexKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error("The PII master key must be 32 bytes");
    this.#encKey = subKey(masterKey, "encrypt-v1");
    this.#indexKey = subKey(masterKey, "blind-index-v1");
  }

  /** PII_KEY if given, else `<dataDir>/pii.key` (created on first start), else an ephemeral key (tests). */
  static async load(opts: PiiVaultOptions): Promise<PiiVault> {
    if (opts.piiKey !== undefined) return new PiiVault(parsePiiKey(opts.piiKey));
    if (opts.dataDir) return new PiiVault(readOrCreateKeyFile(opts.dataDir));
    return new PiiVault(randomBytes(32));
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts; a fresh IV each time, so equal values differ. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.#encKey, iv);
    const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url"));
    return `v1.${parts.join(".")}`;
  }

  decrypt(token: string): string {
    const [version, iv, tag, data, ...rest] = token.split(".");
    if (version !== "v1" || iv === undefined || tag === undefined || data === undefined || rest.length > 0) {
      throw new Error("Not a PII ciphertext (expected v1.<iv>.<tag>.<data>)");
    }
    try {
      // A fixed tag length stops a forger from shortening the tag to weaken the check.
      const decipher = createDecipheriv("aes-256-gcm", this.#encKey, Buffer.from(iv, "base64url"), {
        authTagLength: 16,
      });
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      const plain = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
      return plain.toString("utf8");
    } catch {
      throw new Error(
        "PII ciphertext cannot be decrypted: it was altered or PII_KEY is not the key it was written with",
      );
    }
  }

  /**
   * HMAC-SHA256 (hex) of the identifier after normalizeIdNumber (whitespace, full width, case), so
   * "…002x" and "…002X" match. Normalise other kinds first (e.g. normalizeMobile for phones).
   */
  blindIndex(value: string): string {
    return createHmac("sha256", this.#indexKey).update(normalizeIdNumber(value), "utf8").digest("hex");
  }
}
