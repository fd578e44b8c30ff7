/**
 * Shop inspections (社区人员日常检查, 执法队员巡查): an inspector scores the indicators he found at a
 * shop, and each one posts to the shop's 商铺积分 account in the same transaction.
 *
 * How a shop's points are kept — one way, everywhere in this folder (the engine's, ledger/engine.ts):
 * - A shop's account opens with the 基础分 of the rules governing it (费县: 100), posted once as an
 *   award with rule code `base` (businessKey `base:<merchantId>`) by `holderAccounts`. Its balance is
 *   therefore base + everything added − everything deducted, and never goes below zero: a deduction
 *   larger than the balance is clamped to it here (the ledger refuses a negative holder balance).
 * - The shop's score is `scoresOf` (ledger/score.ts) over the current year: the base of the rule set
 *   governing it + points added − points deducted in the year (the `base` posting is not counted
 *   again), 0 under a veto. So the base is counted once, never twice.
 */
import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { type Principal, scopePaths } from "../../../platform/auth/index.ts";
import { type Db, type Executor, rowsOf } from "../../../platform/db/index.ts";
import { AppError, notFound, unprocessable } from "../../../platform/errors.ts";
import { assertFilesExist } from "../../../platform/files/index.ts";
import { type MerchantRecord, merchantsByIds } from "../../places/index.ts";
import { holderAccounts, post, systemAccount, type Transfer } from "../ledger/engine.ts";
import { pointAccounts, pointPostings } from "../ledger/tables.ts";
import { activeRuleSet, type Rule, rulesOf } from "../rules/active.ts";
import { pointRules } from "../rules/tables.ts";
import { inspections } from "./tables.ts";

export interface NewInspection {
  merchantId: string;
  items: Array<{ ruleId: string; quantity: number; note?: string }>;
  photos?: string[];
  note?: string;
  clientKey?: string;
}

/** One indicator of an inspection as it was applied: the points it moved (clamped for a deduction). */
export interface AppliedItem {
  ruleId: string;
  code: string;
  indicator: string | null;
  name: string;
  kind: "add" | "deduct";
  quantity: number;
  note: string | null;
  /** What the rule gives: points × quantity. */
  points: number;
  /** What was posted: less than `points` where the shop had fewer points left to lose. */
  applied: number;
}

/** A shop the caller may inspect (points.inspect over its territory), or 404 as one that does not exist. */
export async function inspectableShop(executor: Executor, principal: Principal, merchantId: string) {
  const [shop] = await merchantsByIds(executor, [merchantId]);
  const paths = scopePaths(principal, "points.inspect");
  if (!shop || !paths.some((p) => shop.territoryPath.startsWith(p))) throw notFound("merchant", merchantId);
  return shop;
}

/** The indicators an inspector may score at a shop: the manual add/deduct rules of its active set. */
export async function shopIndicators(executor: Executor, shop: MerchantRecord) {
  const set = await activeRuleSet(executor, "merchant", shop.territoryPath);
  if (!set) return { set: null, rules: [] as Rule[] };
  const rules = (await rulesOf(executor, set.id)).filter(
    (r) => r.trigger === "manual" && (r.kind === "add" || r.kind === "deduct"),
  );
  return { set, rules };
}

/** POST /points/inspections: one row and its postings; a clientKey sent again returns the first. */
export async function createInspection(db: Db, principal: Principal, actor: Actor, input: NewInspection) {
  if (input.clientKey) {
    const done = await byClientKey(db, input.clientKey);
    if (done) return done;
  }
  const shop = await inspectableShop(db, principal, input.merchantId);
  const { rules } = await shopIndicators(db, shop);
  if (rules.length === 0) throw unprocessable("NO_MERCHANT_RULES");
  const byId = new Map(rules.map((r) => [r.id, r]));
  // The same indicator named twice counts once, its quantities summed.
  const wanted = new Map<string, { quantity: number; note?: string }>();
  for (const item of input.items) {
    if (!byId.has(item.ruleId)) throw unprocessable("INSPECTION_RULE_UNKNOWN", { ruleId: item.ruleId });
    const seen = wanted.get(item.ruleId);
    wanted.set(item.ruleId, {
      quantity: (seen?.quantity ?? 0) + item.quantity,
      note: [seen?.note, item.note?.trim()].filter(Boolean).join("；") || undefined,
    });
  }
  const photos = input.photos ?? [];
  const needsEvidence = [...wanted.keys()].map((id) => byId.get(id) as Rule).find((r) => r.evidenceRequired);
  if (needsEvidence && photos.length === 0)
    throw unprocessable("INSPECTION_EVIDENCE_REQUIRED", {
      ruleId: needsEvidence.id,
      name: needsEvidence.name,
    });
  await assertFilesExist(db, photos);
  const note = input.note?.trim() ?? "";

  return audited(db, actor, async (tx, audit) => {
    const id = randomUUID();
    const holder = (
      await holderAccounts(tx, [
        { audience: "merchant", holderId: shop.id, territoryPath: shop.territoryPath },
      ])
    ).get(`merchant:${shop.id}`) as string;
    const issuer = await systemAccount(tx, "issuer", "merchant", shop.territoryPath);
    // Both accounts locked in id order (as the engine does), so the balance read here is the one the
    // deductions are clamped to, and a shop scored by two inspectors at once is never overdrawn.
    const balances = rowsOf<{ id: string; balance: string | number }>(
      await tx.execute(
        sql`select id, balance from ${pointAccounts} where id in (${holder}, ${issuer}) order by id for update`,
      ),
    );
    let balance = Number(balances.find((b) => b.id === holder)?.balance ?? 0);
    // Additions first, then deductions: the inspection's own praise is there to lose.
    const ordered = [...wanted].sort(([a], [b]) => rank(byId.get(a)) - rank(byId.get(b)));
    const items: AppliedItem[] = [];
    for (const [ruleId, { quantity, note: itemNote }] of ordered) {
      const rule = byId.get(ruleId) as Rule;
      const points = rule.points * quantity;
      const applied = rule.kind === "add" ? points : Math.min(points, balance);
      balance += rule.kind === "add" ? applied : -applied;
      items.push({
        ruleId,
        code: rule.code,
        indicator: rule.indicator,
        name: rule.name,
        kind: rule.kind as "add" | "deduct",
        quantity,
        note: itemNote ?? null,
        points,
        applied,
      });
    }
    const added = sum(items.filter((i) => i.kind === "add"));
    const deducted = sum(items.filter((i) => i.kind === "deduct"));
    const [row] = await tx
      .insert(inspections)
      .values({
        id,
        merchantId: shop.id,
        territoryPath: shop.territoryPath,
        inspectorId: principal.userId,
        items: items.map((i) => ({
          ruleId: i.ruleId,
          quantity: i.quantity,
          ...(i.note ? { note: i.note } : {}),
        })),
        photos,
        note,
        net: added - deducted,
        clientKey: input.clientKey ?? null,
      })
      .onConflictDoNothing({ target: inspections.clientKey })
      .returning({ id: inspections.id });
    // The same phone retry arrived in a parallel request and won: answer with its inspection.
    if (!row) {
      const first = input.clientKey ? await byClientKey(tx, input.clientKey) : null;
      if (!first) throw new AppError("INTERNAL", 500);
      return first;
    }
    const transfers: Transfer[] = items
      .filter((i) => i.applied > 0)
      .map((i) => ({
        businessKey: `inspection:${id}:${i.ruleId}`,
        kind: i.kind === "add" ? "award" : "deduct",
        debitAccountId: i.kind === "add" ? issuer : holder,
        creditAccountId: i.kind === "add" ? holder : issuer,
        holderAccountId: holder,
        amount: i.applied,
        ruleId: i.ruleId,
        ruleCode: i.code,
        memo: [i.indicator, i.name, i.note ?? note].filter(Boolean).join(" / "),
        evidence: photos.length ? photos : null,
        actorId: principal.userId,
        territoryPath: shop.territoryPath,
      }));
    await post(tx, transfers);
    await audit({
      action: "points.inspection.create",
      entity: "point_inspection",
      entityId: id,
      after: {
        merchantId: shop.id,
        shop: shop.name,
        added,
        deducted,
        items: items.length,
        photos: photos.length,
      },
    });
    return { id, merchantId: shop.id, added, deducted, net: added - deducted, items, replayed: false };
  });
}

const rank = (rule: Rule | undefined) => (rule?.kind === "add" ? 0 : 1);
const sum = (items: AppliedItem[]) => items.reduce((n, i) => n + i.applied, 0);

/** The inspection a phone already sent with this key, as its first answer showed it. */
async function byClientKey(executor: Executor, clientKey: string) {
  const [row] = await executor.select().from(inspections).where(eq(inspections.clientKey, clientKey));
  if (!row) return null;
  const items = await appliedItemsOf(executor, [row]);
  const mine = items.get(row.id) ?? [];
  return {
    id: row.id,
    merchantId: row.merchantId,
    added: sum(mine.filter((i) => i.kind === "add")),
    deducted: sum(mine.filter((i) => i.kind === "deduct")),
    net: row.net,
    items: mine,
    replayed: true,
  };
}

type InspectionRow = typeof inspections.$inferSelect;

/** The items of these inspections with their rules' words and the points actually posted. */
export async function appliedItemsOf(
  executor: Executor,
  rows: readonly InspectionRow[],
): Promise<Map<string, AppliedItem[]>> {
  const out = new Map<string, AppliedItem[]>();
  if (rows.length === 0) return out;
  const ruleIds = [...new Set(rows.flatMap((r) => r.items.map((i) => i.ruleId)))];
  const keys = rows.flatMap((r) => r.items.map((i) => `inspection:${r.id}:${i.ruleId}`));
  const [ruleRows, postings] = await Promise.all([
    executor.select().from(pointRules).where(inArray(pointRules.id, ruleIds)),
    executor
      .select({ key: pointPostings.businessKey, amount: pointPostings.amount })
      .from(pointPostings)
      .where(inArray(pointPostings.businessKey, keys)),
  ]);
  const rules = new Map(ruleRows.map((r) => [r.id, r]));
  const amounts = new Map(postings.map((p) => [p.key, p.amount]));
  for (const r of rows) {
    out.set(
      r.id,
      r.items.map((i) => {
        const rule = rules.get(i.ruleId);
        return {
          ruleId: i.ruleId,
          code: rule?.code ?? "",
          indicator: rule?.indicator ?? null,
          name: rule?.name ?? "",
          kind: (rule?.kind === "deduct" ? "deduct" : "add") as "add" | "deduct",
          quantity: i.quantity,
          note: i.note ?? null,
          points: (rule?.points ?? 0) * i.quantity,
          applied: amounts.get(`inspection:${r.id}:${i.ruleId}`) ?? 0,
        };
      }),
    );
  }
  return out;
}
