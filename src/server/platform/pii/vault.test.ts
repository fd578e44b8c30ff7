import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PiiVault } from "./vault.ts";

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
});
