import { and, eq, or, sql } from "drizzle-orm";
import { chinaMonth } from "../../../platform/china-time.ts";
import { type Executor, rowsOf } from "../../../platform/db/index.ts";
import { AppError } from "../../../platform/errors.ts";
import { activeRuleSet } from "../rules/active.ts";
import type { Audience } from "../rules/tables.ts";
import { type AccountKind, type PostingKind, pointAccounts, pointPostings } from "./tables.ts";

/** One movement of points: from the debited account to the credited one. */
export interface Transfer {
  /** What makes it unique in the world (`orders.completed:<id>:member`): posted once, ever. */
  businessKey: string;
  kind: PostingKind;
  debitAccountId: string;
  creditAccountId: string;
  /** Whose points these are: the holder credited or debited. */
  holderAccountId: string;
  amount: number;
  ruleId?: string | null;
  ruleCode?: string | null;
  reversesId?: number | null;
  memo?: string;
  evidence?: string[] | null;
  actorId?: string | null;
  territoryPath: string;
  at?: Date;
}

export interface Posted {
  id: number;
  businessKey: string;
}

const NOT_NEGATIVE = "point_accounts_not_negative";

/**
 * Posts the transfers whose business keys are new and moves the balances with them, in the
 * caller's transaction: one statement whatever the batch's size. Keys already posted are passed
 * over (an event delivered twice credits once). The accounts are locked in id order, so two
 * batches touching the same accounts wait for each other instead of deadlocking; a holder's
 * balance that would go below zero is refused (409 INSUFFICIENT_POINTS) and nothing is posted.
 */
export async function post(tx: Executor, transfers: readonly Transfer[]): Promise<Posted[]> {
  const unique = [...new Map(transfers.map((t) => [t.businessKey, t])).values()];
  if (unique.length === 0) return [];
  const rows = unique.map((t) => ({
    business_key: t.businessKey,
    kind: t.kind,
    debit_account_id: t.debitAccountId,
    credit_account_id: t.creditAccountId,
    holder_account_id: t.holderAccountId,
    amount: t.amount,
    rule_id: t.ruleId ?? null,
    rule_code: t.ruleCode ?? null,
    reverses_id: t.reversesId ?? null,
    memo: t.memo ?? "",
    evidence: t.evidence ?? null,
    actor_id: t.actorId ?? null,
    territory_path: t.territoryPath,
    month: chinaMonth(t.at ?? new Date()),
    at: (t.at ?? new Date()).toISOString(),
  }));
  // One statement: the new postings, each account's movement, its row locked in id order, moved.
  let posted: Array<{ id: string | number; business_key: string }>;
  try {
    posted = rowsOf(
      await tx.execute(sql`
        with ins as (
          insert into ${pointPostings} (business_key, kind, debit_account_id, credit_account_id, holder_account_id,
            amount, rule_id, rule_code, reverses_id, memo, evidence, actor_id, territory_path, month, at)
          select business_key, kind, debit_account_id, credit_account_id, holder_account_id, amount, rule_id,
            rule_code, reverses_id, memo, evidence, actor_id, territory_path, month, at
          from json_populate_recordset(null::${pointPostings}, ${JSON.stringify(rows)}::json)
          on conflict (business_key) do nothing
          returning id, business_key, debit_account_id, credit_account_id, amount),
        d as (
          select id, sum(delta)::bigint as delta from (
            select debit_account_id as id, -amount as delta from ins
            union all select credit_account_id, amount from ins) x
          group by id),
        locked as (select a.id from ${pointAccounts} a where a.id in (select id from d) order by a.id for update),
        moved as (
          update ${pointAccounts} a set balance = a.balance + d.delta
          from d join locked on locked.id = d.id where a.id = d.id)
        select id, business_key from ins`),
    );
  } catch (e) {
    if (violates(e, NOT_NEGATIVE)) throw new AppError("INSUFFICIENT_POINTS", 409);
    throw e;
  }
  return posted.map((p) => ({ id: Number(p.id), businessKey: p.business_key }));
}

function violates(e: unknown, constraint: string): boolean {
  const err = e as { constraint?: string; cause?: { constraint?: string }; message?: string };
  return (
    err?.constraint === constraint ||
    err?.cause?.constraint === constraint ||
    String(err?.message ?? "").includes(constraint)
  );
}

/** The district a territory path belongs to (`/<district>/…`). */
export const districtOfPath = (path: string): string => path.split("/")[1] ?? "";

export interface AccountOwner {
  audience: Audience;
  holderId: string;
  territoryPath: string;
}

/**
 * The accounts of these holders, opened on first use, by `audience:holderId`; a holder keeps his
 * account when he moves (his path is where he was first credited). A shop's account opens with the
 * 基础分 of the rules governing it (费县: 100), posted as its first award: a shop's points are a
 * score that deductions take from, where a person's are earned from nothing and spent.
 */
export async function holderAccounts(
  tx: Executor,
  owners: readonly AccountOwner[],
): Promise<Map<string, string>> {
  const { ids, opened } = await accountsOf(
    tx,
    owners.map((o) => ({ ...o, kind: "holder" as const, districtId: districtOfPath(o.territoryPath) })),
  );
  const shops = owners.filter((o) => o.audience === "merchant" && opened.has(`${o.audience}:${o.holderId}`));
  const bases: Transfer[] = [];
  for (const shop of shops) {
    const base = (await activeRuleSet(tx, "merchant", shop.territoryPath))?.baseScore ?? 0;
    if (base <= 0) continue;
    const account = ids.get(`merchant:${shop.holderId}`) as string;
    bases.push({
      businessKey: `base:${shop.holderId}`,
      kind: "award",
      debitAccountId: await systemAccount(tx, "issuer", "merchant", shop.territoryPath),
      creditAccountId: account,
      holderAccountId: account,
      amount: base,
      ruleCode: BASE_RULE_CODE,
      memo: "基础分",
      territoryPath: shop.territoryPath,
    });
  }
  await post(tx, bases);
  return ids;
}

/** The rule code of a shop's opening 基础分 posting (scores count the base from the rules instead). */
export const BASE_RULE_CODE = "base";

/** A district's issuer (or spent) account of an audience, opened on first use. */
export async function systemAccount(
  tx: Executor,
  kind: Exclude<AccountKind, "holder">,
  audience: Audience,
  territoryPath: string,
): Promise<string> {
  const districtId = districtOfPath(territoryPath);
  const { ids } = await accountsOf(tx, [
    { kind, audience, holderId: districtId, districtId, territoryPath: `/${districtId}/` },
  ]);
  return ids.get(`${audience}:${districtId}`) as string;
}

async function accountsOf(
  tx: Executor,
  rows: ReadonlyArray<AccountOwner & { kind: AccountKind; districtId: string }>,
): Promise<{ ids: Map<string, string>; opened: Set<string> }> {
  const ids = new Map<string, string>();
  const opened = new Set<string>();
  if (rows.length === 0) return { ids, opened };
  const json = rows.map((r) => ({
    kind: r.kind,
    audience: r.audience,
    holder_id: r.holderId,
    district_id: r.districtId,
    territory_path: r.territoryPath,
  }));
  // Insert-then-select: the rows another transaction opened a moment ago are found, not duplicated.
  const found = rowsOf<{ id: string; audience: string; holder_id: string; opened: boolean }>(
    await tx.execute(sql`
      with wanted as (select * from json_to_recordset(${JSON.stringify(json)}::json)
        as x(kind text, audience text, holder_id uuid, district_id uuid, territory_path text)),
      ins as (insert into ${pointAccounts} (kind, audience, holder_id, district_id, territory_path)
        select kind, audience, holder_id, district_id, territory_path from wanted
        on conflict (kind, audience, holder_id) do nothing returning id, audience, holder_id)
      select id, audience, holder_id, true as opened from ins
      union all
      select a.id, a.audience, a.holder_id, false from ${pointAccounts} a join wanted w
        on a.kind = w.kind and a.audience = w.audience and a.holder_id = w.holder_id`),
  );
  for (const r of found) {
    ids.set(`${r.audience}:${r.holder_id}`, r.id);
    if (r.opened) opened.add(`${r.audience}:${r.holder_id}`);
  }
  // An account another transaction opened while this statement waited on it is in neither half
  // (the statement's snapshot predates that commit): a second statement sees it.
  const missing = rows.filter((r) => !ids.has(`${r.audience}:${r.holderId}`));
  if (missing.length > 0) {
    const late = await tx
      .select({ id: pointAccounts.id, audience: pointAccounts.audience, holderId: pointAccounts.holderId })
      .from(pointAccounts)
      .where(
        or(
          ...missing.map((m) =>
            and(
              eq(pointAccounts.kind, m.kind),
              eq(pointAccounts.audience, m.audience),
              eq(pointAccounts.holderId, m.holderId),
            ),
          ),
        ),
      );
    for (const r of late) ids.set(`${r.audience}:${r.holderId}`, r.id);
  }
  return { ids, opened };
}
