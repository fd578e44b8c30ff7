import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keyLocationWarning, PiiVault } from "./vault.ts";

const HEX_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

describe("PiiVault", () => {
  it("round-trips text, Chinese included", async () => {
    const vault = await PiiVault.load({});
    for (const plain of ["11010519491231002X", "北京市东城区东华门街道 1 号", ""]) {
      expect(vault.decrypt(vault.encrypt(plain))).toBe(plain);
    }
  });

  it("encrypts equal values differently while their blind indexes match", async () => {
    const vault = await PiiVault.load({ piiKey: HEX_KEY });
    const a = vault.encrypt("11010519491231002X");
    const b = vault.encrypt("11010519491231002X");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(vault.blindIndex("11010519491231002X")).toMatch(/^[0-9a-f]{64}$/);
    expect(vault.blindIndex("11010519491231002x")).toBe(vault.blindIndex("11010519491231002X"));
    expect(vault.blindIndex("110101199003074477")).not.toBe(vault.blindIndex("11010519491231002X"));
  });

  it("accepts the same key as hex or base64", async () => {
    const hex = await PiiVault.load({ piiKey: HEX_KEY });
    const base64 = await PiiVault.load({ piiKey: Buffer.from(HEX_KEY, "hex").toString("base64") });
    expect(base64.blindIndex("13800000001")).toBe(hex.blindIndex("13800000001"));
    expect(base64.decrypt(hex.encrypt("张三"))).toBe("张三");
  });

  it("refuses tampered ciphertext and the wrong key", async () => {
    const vault = await PiiVault.load({ piiKey: HEX_KEY });
    const token = vault.encrypt("110101199003074477");
    const [v, iv, tag, data] = token.split(".") as [string, string, string, string];
    const flipped = (data[0] === "A" ? "B" : "A") + data.slice(1);
    expect(() => vault.decrypt([v, iv, tag, flipped].join("."))).toThrow(/altered/);
    expect(() => vault.decrypt([v, iv, tag.slice(0, 8), data].join("."))).toThrow(/altered/);
    expect(() => vault.decrypt("not a token")).toThrow(/Not a PII ciphertext/);
    const other = await PiiVault.load({});
    expect(() => other.decrypt(token)).toThrow(/PII_KEY/);
  });

  it("creates the key file with mode 0600 and reuses it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pii-vault-"));
    try {
      const dataDir = join(dir, "data");
      const first = await PiiVault.load({ dataDir });
      const file = join(dataDir, "pii.key");
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);
      const second = await PiiVault.load({ dataDir });
      expect(second.blindIndex("11010519491231002X")).toBe(first.blindIndex("11010519491231002X"));
      expect(second.decrypt(first.encrypt("李四"))).toBe("李四");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects a malformed PII_KEY with a message naming it", async () => {
    for (const piiKey of ["secret", HEX_KEY.slice(2), Buffer.alloc(16).toString("base64"), `${HEX_KEY}00`]) {
      await expect(PiiVault.load({ piiKey })).rejects.toThrow(/PII_KEY/);
    }
  });

  it("seals whole files: nothing of them readable, each sealing different, tampering refused", async () => {
    const vault = await PiiVault.load({ piiKey: HEX_KEY });
    const plain = Buffer.from("姓名,身份证号\r\n张三,11010519491231002X\r\n");
    const sealed = vault.encryptBytes(plain);
    expect(sealed.includes("11010519491231002X")).toBe(false);
    expect(vault.encryptBytes(plain).equals(sealed)).toBe(false);
    expect(vault.decryptBytes(sealed).equals(plain)).toBe(true);
    expect(vault.decryptBytes(vault.encryptBytes(Buffer.alloc(0))).length).toBe(0);
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    expect(() => vault.decryptBytes(altered)).toThrow(/altered/);
    expect(() => vault.decryptBytes(plain)).toThrow(/Not sealed/);
    expect(() => new PiiVault(Buffer.alloc(32)).decryptBytes(sealed)).toThrow(/PII_KEY/);
  });

  it("reads the key from PII_KEY_FILE, and never creates that file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pii-vault-"));
    try {
      const file = join(dir, "secret.key");
      await expect(PiiVault.load({ keyFile: file })).rejects.toThrow(/secret\.key/);
      writeFileSync(file, `${HEX_KEY}\n`);
      const fromFile = await PiiVault.load({ keyFile: file, dataDir: join(dir, "data") });
      const fromEnv = await PiiVault.load({ piiKey: HEX_KEY });
      expect(fromFile.decrypt(fromEnv.encrypt("王五"))).toBe("王五");
      writeFileSync(file, "not a key");
      await expect(PiiVault.load({ keyFile: file })).rejects.toThrow(/PII_KEY format/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("warns when a database server's key file lies inside DATA_DIR", () => {
    const db = "postgres://db.example/gridgov";
    const dataDir = "/srv/gridgov/data";
    expect(keyLocationWarning({ databaseUrl: db, dataDir })).toMatch(
      /\/srv\/gridgov\/data\/pii\.key lies inside DATA_DIR .*PII_KEY/,
    );
    expect(keyLocationWarning({ databaseUrl: db, dataDir, keyFile: "/srv/gridgov/data/keys/k" })).toMatch(
      /inside DATA_DIR/,
    );
    // Outside DATA_DIR, from the environment, or on the embedded database (all of it in DATA_DIR anyway).
    expect(keyLocationWarning({ databaseUrl: db, dataDir, keyFile: "/etc/gridgov/pii.key" })).toBeUndefined();
    expect(
      keyLocationWarning({ databaseUrl: db, dataDir, keyFile: "/srv/gridgov/data-keys/k" }),
    ).toBeUndefined();
    expect(keyLocationWarning({ databaseUrl: db, dataDir, piiKey: HEX_KEY })).toBeUndefined();
    expect(keyLocationWarning({ dataDir })).toBeUndefined();
  });
});
