import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../../platform/db/index.ts";
import { PHONES, startTestApp, type TestApp } from "../../../testing/harness.ts";
import { residentByPhone } from "../../people/index.ts";
import { holderAccounts, post, systemAccount, type Transfer } from "./engine.ts";
import { pointAccounts, pointPostings } from "./tables.ts";

/** The ledger engine on the real database: balances move with postings, once, never below zero. */
let t: TestApp;
let path: string;
let issuer: string;
let spent: string;
const db = () => t.database.db;

beforeAll(async () => {
  t = await startTestApp();
  const resident = await residentByPhone(t.database.db, PHONES.resident);
  path = resident?.territoryPath as string;
  issuer = await systemAccount(db(), "issuer", "resident", path);
  spent = await systemAccount(db(), "spent", "resident", path);
}, 180_000);
afterAll(() => t?.close());

async function newHolders(n: number): Promise<string[]> {
  const owners = Array.from({ length: n }, () => ({
    audience: "resident" as const,
    holderId: randomUUID(),
    territoryPath: path,
  }));
  const ids = await holderAccounts(db(), owners);
  return owners.map((o) => ids.get(`resident:${o.holderId}`) as string);
}

const balances = async (ids: string[]) =>
  new Map(
    (await db().select().from(pointAccounts).where(inArray(pointAccounts.id, ids))).map((a) => [
      a.id,
      a.balance,
    ]),
  );

const award = (holder: string, amount: number, key = randomUUID()): Transfer => ({
  businessKey: `test:${key}`,
  kind: "award",
  debitAccountId: issuer,
  creditAccountId: holder,
  holderAccountId: holder,
  amount,
  territoryPath: path,
});
const redeem = (holder: string, amount: number, key = randomUUID()): Transfer => ({
  businessKey: `test:${key}`,
  kind: "redeem",
  debitAccountId: holder,
  creditAccountId: spent,
  holderAccountId: holder,
  amount,
  territoryPath: path,
});

describe("ledger engine", () => {
  it("posts a batch and moves both sides' balances", async () => {
    const [a, b] = (await newHolders(2)) as [string, string];
    const before = (await balances([issuer])).get(issuer) ?? 0;
    const posted = await post(db(), [award(a, 10), award(b, 5), award(a, 3)]);
    expect(posted).toHaveLength(3);
    const after = await balances([a, b, issuer]);
    expect(after.get(a)).toBe(13);
    expect(after.get(b)).toBe(5);
    expect(after.get(issuer)).toBe(before - 18);
  });

  it("posts a business key once: twice in a batch, and again in a later call", async () => {
    const [a] = (await newHolders(1)) as [string];
    const key = randomUUID();
    expect(await post(db(), [award(a, 7, key), award(a, 7, key)])).toHaveLength(1);
    expect(await post(db(), [award(a, 7, key)])).toHaveLength(0);
    expect((await balances([a])).get(a)).toBe(7);
    const rows = await db()
      .select()
      .from(pointPostings)
      .where(eq(pointPostings.businessKey, `test:${key}`));
    expect(rows).toHaveLength(1);
  });

  it("refuses a holder going below zero (409 INSUFFICIENT_POINTS) and posts none of the batch", async () => {
    const [a, b] = (await newHolders(2)) as [string, string];
    await post(db(), [award(a, 5)]);
    const key = randomUUID();
    const failed = await db()
      .transaction((tx) => post(tx, [award(b, 4), redeem(a, 6, key)]))
      .catch((e) => e);
    expect(failed.status).toBe(409);
    expect(failed.code).toBe("INSUFFICIENT_POINTS");
    const after = await balances([a, b]);
    expect(after.get(a)).toBe(5);
    expect(after.get(b)).toBe(0);
    const rows = await db()
      .select()
      .from(pointPostings)
      .where(eq(pointPostings.businessKey, `test:${key}`));
    expect(rows).toHaveLength(0);
  });

  it("after many mixed postings, the balances sum to zero and each equals its credits − debits", async () => {
    const holders = await newHolders(20);
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 10; round++) {
      const batch: Transfer[] = holders.map((h) => award(h, 1 + (next() % 20)));
      await post(db(), batch);
      const now = await balances(holders);
      // Spend some of what each has, never more.
      const spend = holders
        .filter((h) => (now.get(h) ?? 0) > 1 && next() % 2 === 0)
        .map((h) => redeem(h, 1 + (next() % ((now.get(h) ?? 1) - 1))));
      await post(db(), spend);
    }
    const [sum] = rowsOf<{ total: string | number }>(
      await db().execute(sql`select coalesce(sum(balance), 0) as total from point_accounts`),
    );
    expect(Number(sum?.total)).toBe(0);
    const wrong = rowsOf<{ id: string }>(
      await db().execute(sql`
        select a.id from point_accounts a left join (
          select id, sum(delta) as net from (
            select credit_account_id as id, amount as delta from point_postings
            union all select debit_account_id, -amount from point_postings) x group by id) f on f.id = a.id
        where a.balance <> coalesce(f.net, 0)`),
    );
    expect(wrong).toEqual([]);
    const negative = (await balances(holders)).values();
    expect([...negative].every((b) => b >= 0)).toBe(true);
  });
});
