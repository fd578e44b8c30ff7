import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { districtOfPath, ledgerCheck, post, type Transfer } from "../src/server/modules/points/index.ts";
import type { Principal } from "../src/server/platform/auth/index.ts";
import { type Database, openDatabase, rowsOf, runMigrations } from "../src/server/platform/db/index.ts";
import { throwawayDatabase } from "../src/server/testing/database.ts";
import { onEachDatabase, writeResult } from "./lib.ts";

const HOLDERS = 2_000;
const BATCH = 500;
const MILLION = 1_000_000;

/**
 * The points ledger (S2): postings per second through the engine (`post`: idempotent by business
 * key, balances moved under locks taken in order) against plain INSERTs of the same rows in the
 * same batches, in the same run; then the sum-to-zero check over a million postings.
 */
export async function benchPoints(): Promise<void> {
  const databases = await onEachDatabase(runOn);
  writeResult("points", { holders: HOLDERS, batch: BATCH, databases });
}

async function runOn(serverUrl: string | undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), "gg-bench-points-"));
  const target = serverUrl ? await throwawayDatabase(serverUrl, "gg_bench") : undefined;
  const database = await openDatabase(target ? { url: target.url } : { dataDir });
  try {
    await runMigrations(database);
    const kind = database.kind;
    const count = kind === "postgres" ? 100_000 : 20_000;
    const { issuer, holders, path } = await accounts(database);
    console.log(`points ledger on ${kind}: ${count.toLocaleString()} postings in batches of ${BATCH}`);

    const transfers = (tag: string): Transfer[] =>
      Array.from({ length: count }, (_, i) => {
        const holder = holders[i % holders.length] as string;
        return {
          businessKey: `bench:${tag}:${i}`,
          kind: "award",
          debitAccountId: issuer,
          creditAccountId: holder,
          holderAccountId: holder,
          amount: 1 + (i % 10),
          ruleCode: "bench",
          territoryPath: path,
        };
      });

    // The reference writes to a twin of the ledger's table (same columns, indexes and checks), so
    // the ledger itself holds only what the engine posted and still sums to zero afterwards.
    await database.db.execute(
      sql.raw(
        "create table bench_raw_postings (like point_postings including defaults including constraints including indexes)",
      ),
    );
    // Warm both paths once, then measure raw first and the engine second.
    await rawInsert(database, transfers("warm-raw").slice(0, BATCH));
    await engine(database, transfers("warm-engine").slice(0, BATCH));
    const rawMs = await rawInsert(database, transfers("raw"));
    const engineMs = await engine(database, transfers("engine"));
    // The same events handed over again post nothing.
    const againMs = await engine(database, transfers("engine"));
    const rawPerSecond = Math.round(count / (rawMs / 1000));
    const enginePerSecond = Math.round(count / (engineMs / 1000));
    const ratio = Number((enginePerSecond / rawPerSecond).toFixed(2));
    console.log(
      `  engine ${enginePerSecond.toLocaleString()} postings/s, raw INSERT ${rawPerSecond.toLocaleString()} rows/s: ${ratio} of raw; the same ${count.toLocaleString()} again (all duplicates) ${Math.round(againMs)} ms`,
    );

    // Fill up to a million postings server-side (each one a real transfer, balances kept in step), then check.
    const filled = await fillTo(database, MILLION, issuer, holders, path);
    const started = performance.now();
    const check = await ledgerCheck(database.db, districtAdmin(path));
    const checkMs = Math.round(performance.now() - started);
    console.log(
      `  sum-to-zero check over ${check.postings.toLocaleString()} postings, ${check.accounts.toLocaleString()} accounts: ${checkMs} ms, balances sum ${check.sumOfBalances}, ${check.mismatched} mismatched (fill ${Math.round(filled / 1000)} s)`,
    );
    if (!check.ok) throw new Error("the ledger does not sum to zero");
    return {
      kind,
      postings: count,
      enginePostingsPerSecond: enginePerSecond,
      rawInsertsPerSecond: rawPerSecond,
      ratioToRaw: ratio,
      duplicatesPassMs: Math.round(againMs),
      check: {
        postings: check.postings,
        accounts: check.accounts,
        ms: checkMs,
        sum: check.sumOfBalances,
        ok: check.ok,
      },
    };
  } finally {
    await database.close();
    await target?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The check reads the districts of the caller's scope: an administrator of the bench's district. */
const districtAdmin = (path: string): Principal => ({
  userId: randomUUID(),
  phone: "13800000001",
  name: "bench",
  roles: [
    {
      role: "districtAdmin",
      nodeId: districtOfPath(path),
      nodePath: path,
      nodeName: "",
      nodeCode: "",
      nodeLevel: "district",
    },
  ],
  via: "token",
  credentialId: "bench",
  scopes: ["read"],
});

async function accounts(database: Database) {
  const district = randomUUID();
  const path = `/${district}/`;
  const holderIds = Array.from({ length: HOLDERS }, () => randomUUID());
  const rows = rowsOf<{ id: string; kind: string }>(
    await database.db.execute(sql`
      insert into point_accounts (kind, audience, holder_id, district_id, territory_path)
      select k, 'resident', h, ${district}::uuid, ${path}
      from (select 'issuer' k, ${district}::uuid h union all
            select 'holder', unnest(${sql.param(holderIds)}::uuid[])) x
      returning id, kind`),
  );
  const issuer = rows.find((r) => r.kind === "issuer")?.id as string;
  return { issuer, holders: rows.filter((r) => r.kind === "holder").map((r) => r.id), path };
}

async function engine(database: Database, transfers: Transfer[]): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < transfers.length; i += BATCH) {
    const batch = transfers.slice(i, i + BATCH);
    await database.db.transaction((tx) => post(tx, batch));
  }
  return performance.now() - started;
}

/** The reference: the same rows by one INSERT per batch into the twin table, no keys checked, no balances moved. */
async function rawInsert(database: Database, transfers: Transfer[]): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < transfers.length; i += BATCH) {
    const rows = transfers.slice(i, i + BATCH).map((t) => ({
      business_key: t.businessKey,
      kind: t.kind,
      debit_account_id: t.debitAccountId,
      credit_account_id: t.creditAccountId,
      holder_account_id: t.holderAccountId,
      amount: t.amount,
      rule_code: t.ruleCode,
      memo: "",
      territory_path: t.territoryPath,
      month: "2026-12",
      at: new Date().toISOString(),
    }));
    await database.db.transaction((tx) =>
      tx.execute(sql`
        insert into bench_raw_postings (business_key, kind, debit_account_id, credit_account_id, holder_account_id,
          amount, rule_code, memo, territory_path, month, at)
        select business_key, kind, debit_account_id, credit_account_id, holder_account_id, amount, rule_code,
          memo, territory_path, month, at
        from json_populate_recordset(null::point_postings, ${JSON.stringify(rows)}::json)`),
    );
  }
  return performance.now() - started;
}

/**
 * Brings the ledger to `total` postings with set-based SQL (awards from the issuer to holders in
 * turn), and moves the balances by the same amounts, so the check has a million real rows to sum.
 */
async function fillTo(
  database: Database,
  total: number,
  issuer: string,
  holders: string[],
  path: string,
): Promise<number> {
  const started = performance.now();
  const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(
    await database.db.execute(sql`select count(*)::int as n from point_postings`),
  );
  const missing = total - n;
  const chunk = 100_000;
  for (let from = 0; from < missing; from += chunk) {
    const size = Math.min(chunk, missing - from);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`
        with h as (select ordinality - 1 as i, id from unnest(${sql.param(holders)}::uuid[]) with ordinality as u(id)),
        ins as (
          insert into point_postings (business_key, kind, debit_account_id, credit_account_id, holder_account_id,
            amount, rule_code, territory_path, month)
          select 'fill:' || ${from} || ':' || g, 'award', ${issuer}::uuid, h.id, h.id, 1 + g % 10, 'fill', ${path}, '2026-11'
          from generate_series(0, ${size - 1}) g join h on h.i = g % ${holders.length}
          returning debit_account_id, credit_account_id, amount),
        d as (select id, sum(delta) delta from (
          select debit_account_id id, -amount delta from ins union all select credit_account_id, amount from ins) x
          group by id)
        update point_accounts a set balance = a.balance + d.delta from d where a.id = d.id`);
    });
  }
  return performance.now() - started;
}
