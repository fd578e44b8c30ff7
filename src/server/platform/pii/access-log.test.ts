import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskIdNumber } from "../../../shared/masks.ts";
import { startTestApp, type TestApp } from "../../testing/harness.ts";
import { revealPii } from "./access-log.ts";
import { piiAccessLog } from "./tables.ts";
import { PiiVault } from "./vault.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("reading personal data", () => {
  it("stores only ciphertext, lists the masked value, and logs every unmasked read", async () => {
    const vault = await PiiVault.load({});
    const id = "11010519491231002X";
    const stored = vault.encrypt(id);
    expect(stored).not.toContain("1949");
    expect(maskIdNumber(id)).toBe("11**************2X");

    const who = {
      actorId: null,
      entity: "resident",
      entityId: "r-1",
      field: "idNumber",
      purpose: "核对低保资格",
      ip: "10.0.0.7",
    };
    expect(await revealPii(t.database.db, vault, stored, who)).toBe(id);
    expect(await revealPii(t.database.db, vault, stored, who)).toBe(id);
    const rows = await t.database.db.select().from(piiAccessLog).where(eq(piiAccessLog.entityId, "r-1"));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      entity: "resident",
      field: "idNumber",
      purpose: "核对低保资格",
      ip: "10.0.0.7",
    });
  });

  it("logs nothing and reveals nothing when the value cannot be decrypted", async () => {
    const vault = await PiiVault.load({});
    const other = await PiiVault.load({});
    const stored = other.encrypt("110101199003074477");
    const who = { actorId: null, entity: "resident", entityId: "r-2", field: "idNumber" };
    await expect(revealPii(t.database.db, vault, stored, who)).rejects.toThrow();
    expect(
      await t.database.db.select().from(piiAccessLog).where(eq(piiAccessLog.entityId, "r-2")),
    ).toHaveLength(0);
  });
});
