import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PHONES, startTestApp, type TestApp } from "../../../testing/harness.ts";
import { residentByPhone } from "../../people/index.ts";
import { merchantByPhone } from "../../places/index.ts";
import { holderAccounts, post, systemAccount } from "./engine.ts";
import { scoresOf } from "./score.ts";

/**
 * Accounts open on first use, from whichever transaction gets there first: on PostgreSQL several
 * at once, each of which must come back with the one account (a missing id would post to nowhere).
 */
let t: TestApp;
let path: string;
beforeAll(async () => {
  t = await startTestApp();
  path = (await residentByPhone(t.database.db, PHONES.resident))?.territoryPath as string;
}, 180_000);
afterAll(() => t?.close());

describe("opening accounts", () => {
  it("gives ten transactions opening the same account at once the same account", async () => {
    const holderId = randomUUID();
    const opened = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.database.db.transaction(async (tx) => {
          const ids = await holderAccounts(tx, [{ audience: "resident", holderId, territoryPath: path }]);
          // Hold the transaction open a moment, so the others wait on the row this one inserted.
          await new Promise((r) => setTimeout(r, 20));
          return ids.get(`resident:${holderId}`);
        }),
      ),
    );
    expect(opened.every((id) => typeof id === "string" && id === opened[0])).toBe(true);
  });

  it("opens a shop's account with its base score, counted once in its score", async () => {
    const shop = await merchantByPhone(t.database.db, PHONES.merchant);
    if (!shop) throw new Error("demo shop missing");
    // A shop of the demo with no account yet: a new id under the demo shop's path.
    const holderId = randomUUID();
    const ids = await holderAccounts(t.database.db, [
      { audience: "merchant", holderId, territoryPath: shop.territoryPath },
    ]);
    const account = ids.get(`merchant:${holderId}`) as string;
    const issuer = await systemAccount(t.database.db, "issuer", "merchant", shop.territoryPath);
    await post(t.database.db, [
      {
        businessKey: `test:${randomUUID()}`,
        kind: "deduct",
        debitAccountId: account,
        creditAccountId: issuer,
        holderAccountId: account,
        amount: 5,
        territoryPath: shop.territoryPath,
      },
    ]);
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const score = (
      await scoresOf(t.database.db, "merchant", [{ holderId, territoryPath: shop.territoryPath }], {
        from: month,
        to: month,
      })
    ).get(holderId);
    // 费县: 100 to start, 5 lost at the door.
    expect(score).toMatchObject({ base: 100, deducted: 5, score: 95 });
  });
});
