import { and, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { inScope, type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { AppError, conflict, notFound, unprocessable } from "../../../platform/errors.ts";
import { assertFilesExist, photoRefs } from "../../../platform/files/index.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { notify } from "../../../platform/notify/index.ts";
import { userCards } from "../../accounts/index.ts";
import { activeRuleSet } from "../rules/active.ts";
import { issuers, pointsFor, ruleTransfer } from "../rules/award.ts";
import { capped, capWindow, usedUnderCap } from "../rules/caps.ts";
import { type Audience, pointRules } from "../rules/tables.ts";
import { approverProblem, canMove, happenedOnProblem } from "./claims-flow.ts";
import { holderInScope, holderUserId } from "./claims-holders.ts";
import { holderAccounts, post } from "./engine.ts";
import { holderNames } from "./holders.ts";
import { type ClaimStatus, pointAccounts, pointClaims } from "./tables.ts";

const PERMISSION = "points.manage" as const;
const ENTITY = "point_claim";

export interface ClaimForm {
  audience: Audience;
  holderId: string;
  ruleId: string;
  quantity?: number;
  note?: string;
  evidence?: string[];
  happenedOn: string;
}

/** POST /points/claims: a manual entry for a holder in scope, by a rule of the set governing him. */
export async function createClaim(
  db: Db,
  principal: Principal,
  actor: Actor,
  form: ClaimForm,
  now = new Date(),
) {
  const holder = await holderInScope(db, principal, form.audience, form.holderId);
  const set = await activeRuleSet(db, form.audience, holder.territoryPath);
  const [rule] = set
    ? await db
        .select()
        .from(pointRules)
        .where(and(eq(pointRules.id, form.ruleId), eq(pointRules.ruleSetId, set.id)))
    : [];
  if (rule?.trigger !== "manual" || rule.kind === "base")
    throw unprocessable("RULE_NOT_CLAIMABLE", { field: "ruleId" });
  const evidence = [...new Set(form.evidence ?? [])];
  if (rule.evidenceRequired && evidence.length === 0)
    throw unprocessable("EVIDENCE_REQUIRED", { field: "evidence", rule: rule.name });
  await assertFilesExist(db, evidence);
  const when = happenedOnProblem(form.happenedOn, now);
  if (when)
    throw unprocessable(when === "future" ? "HAPPENED_IN_FUTURE" : "HAPPENED_TOO_LONG_AGO", {
      field: "happenedOn",
    });
  // A veto or a once-off deed counts once; a per-hour rule counts its hours.
  const quantity = rule.kind === "veto" ? 1 : (form.quantity ?? 1);
  return audited(db, actor, async (tx, audit) => {
    const accounts = await holderAccounts(tx, [holder]);
    const accountId = accounts.get(`${holder.audience}:${holder.holderId}`) as string;
    const [row] = await tx
      .insert(pointClaims)
      .values({
        accountId,
        ruleId: rule.id,
        quantity,
        points: rule.kind === "veto" ? rule.points : pointsFor(rule, quantity),
        note: form.note?.trim() ?? "",
        evidence,
        approverRole: rule.approverRole,
        territoryPath: holder.territoryPath,
        happenedOn: form.happenedOn,
        submittedBy: principal.userId,
      })
      .returning({ id: pointClaims.id, points: pointClaims.points });
    if (!row) throw new AppError("INTERNAL", 500);
    await audit({
      action: "points.claim.create",
      entity: ENTITY,
      entityId: row.id,
      after: {
        holder: holder.name,
        audience: holder.audience,
        rule: rule.name,
        quantity,
        points: row.points,
      },
    });
    return { id: row.id, status: "pending" as const, points: row.points };
  });
}

export interface ClaimFilter extends Paging {
  status?: ClaimStatus;
  audience?: Audience;
  /** Only the pending claims the caller may decide (his to-do). */
  decidable?: boolean;
}

/**
 * The pending claims this caller may decide, as SQL: approverProblem's rule — a claim of a rule
 * with an approver role, where he holds that role over its place; of one without, where he manages
 * points over it; never his own.
 */
export function decidableBy(principal: Principal): SQL {
  const over = (nodePath: string) => sql`${pointClaims.territoryPath} like ${`${nodePath}%`}`;
  const byRole = principal.roles.map(
    (r) => sql`(${pointClaims.approverRole} = ${r.role} and ${over(r.nodePath)})`,
  );
  const byManage = scopePaths(principal, PERMISSION).map(
    (p) => sql`(${pointClaims.approverRole} is null and ${over(p)})`,
  );
  const may = [...byRole, ...byManage];
  return sql`(${pointClaims.status} = 'pending' and ${pointClaims.submittedBy} <> ${principal.userId}
    and ${may.length > 0 ? sql.join(may, sql` or `) : sql`false`})`;
}

/** GET /points/claims: the claims of the caller's scope, newest first, each saying if he may decide it. */
export async function listClaims(db: Db, principal: Principal, f: ClaimFilter) {
  const conditions: SQL[] = [inScope(principal, PERMISSION, pointClaims.territoryPath)];
  if (f.status) conditions.push(eq(pointClaims.status, f.status));
  if (f.audience) conditions.push(eq(pointAccounts.audience, f.audience));
  if (f.decidable) conditions.push(decidableBy(principal));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select({ claim: pointClaims, audience: pointAccounts.audience, holderId: pointAccounts.holderId })
      .from(pointClaims)
      .innerJoin(pointAccounts, eq(pointAccounts.id, pointClaims.accountId))
      .where(where)
      .orderBy(desc(pointClaims.createdAt), desc(pointClaims.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: count() })
      .from(pointClaims)
      .innerJoin(pointAccounts, eq(pointAccounts.id, pointClaims.accountId))
      .where(where),
  ]);
  return { items: await present(db, principal, rows), total: Number(total?.n ?? 0) };
}

type ClaimRow = { claim: typeof pointClaims.$inferSelect; audience: Audience; holderId: string };

async function present(executor: Executor, principal: Principal, rows: ClaimRow[]) {
  const ruleIds = [...new Set(rows.map((r) => r.claim.ruleId))];
  const rules = new Map(
    (ruleIds.length
      ? await executor.select().from(pointRules).where(inArray(pointRules.id, ruleIds))
      : []
    ).map((r) => [r.id, r]),
  );
  const names = new Map<string, string>();
  for (const audience of new Set(rows.map((r) => r.audience))) {
    const ids = rows.filter((r) => r.audience === audience).map((r) => r.holderId);
    for (const [id, name] of await holderNames(executor, audience, ids)) names.set(`${audience}:${id}`, name);
  }
  const users = await userCards(
    executor,
    rows.flatMap((r) => [r.claim.submittedBy, ...(r.claim.decidedBy ? [r.claim.decidedBy] : [])]),
  );
  return rows.map(({ claim: c, audience, holderId }) => {
    const rule = rules.get(c.ruleId);
    return {
      id: c.id,
      audience,
      holder: { id: holderId, name: names.get(`${audience}:${holderId}`) ?? "" },
      rule: {
        id: c.ruleId,
        name: rule?.name ?? "",
        indicator: rule?.indicator ?? null,
        kind: rule?.kind ?? ("add" as const),
      },
      quantity: c.quantity,
      points: c.points,
      note: c.note,
      evidence: photoRefs(c.evidence),
      status: c.status,
      happenedOn: c.happenedOn,
      submittedBy: { id: c.submittedBy, name: users.get(c.submittedBy)?.name ?? "" },
      decidedBy: c.decidedBy ? { id: c.decidedBy, name: users.get(c.decidedBy)?.name ?? "" } : null,
      decidedAt: c.decidedAt?.toISOString() ?? null,
      reason: c.reason,
      postingId: c.postingId,
      canDecide: c.status === "pending" && approverProblem(principal, c) === null,
      createdAt: c.createdAt.toISOString(),
    };
  });
}

/**
 * POST /points/claims/{id}/approve|reject. Approving posts the points (capped by the rule's cap
 * and, for a deduction, by the balance); a veto posts nothing — the score reads it. The holder is
 * told either way.
 */
export async function decideClaim(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  decision: { approve: boolean; reason?: string },
) {
  const to: ClaimStatus = decision.approve ? "approved" : "rejected";
  const reason = decision.reason?.trim() || null;
  if (!decision.approve && !reason) throw unprocessable("REASON_REQUIRED", { field: "reason" });
  return audited(db, actor, async (tx, audit) => {
    const [found] = await tx
      .select({ claim: pointClaims, audience: pointAccounts.audience, holderId: pointAccounts.holderId })
      .from(pointClaims)
      .innerJoin(pointAccounts, eq(pointAccounts.id, pointClaims.accountId))
      .where(and(eq(pointClaims.id, id), inScope(principal, PERMISSION, pointClaims.territoryPath)))
      .for("update", { of: pointClaims });
    if (!found) throw notFound(ENTITY, id);
    const c = found.claim;
    const problem = approverProblem(principal, c);
    if (problem === "OWN_CLAIM") throw new AppError("OWN_CLAIM", 403);
    if (problem) throw new AppError("NOT_APPROVER", 403);
    if (!canMove(c.status, to)) throw conflict("ILLEGAL_TRANSITION", { status: c.status });
    const [rule] = await tx.select().from(pointRules).where(eq(pointRules.id, c.ruleId));
    if (!rule) throw new AppError("INTERNAL", 500);
    let postingId: number | null = null;
    let posted = 0;
    if (decision.approve && rule.kind !== "veto") {
      const now = new Date();
      let amount = c.points;
      if (rule.capPoints != null && rule.capPeriod)
        amount = capped(
          amount,
          rule.capPoints,
          await usedUnderCap(tx, c.accountId, rule.code, capWindow(rule.capPeriod, now)),
        );
      if (rule.kind === "deduct") {
        const [a] = await tx
          .select({ balance: pointAccounts.balance })
          .from(pointAccounts)
          .where(eq(pointAccounts.id, c.accountId));
        amount = Math.min(amount, a?.balance ?? 0);
      }
      if (amount > 0) {
        const [p] = await post(tx, [
          ruleTransfer({
            rule,
            amount,
            holderAccountId: c.accountId,
            issuerAccountId: await issuers(tx)(found.audience, c.territoryPath),
            businessKey: `claim:${c.id}`,
            territoryPath: c.territoryPath,
            memo: c.note ? `${rule.name}：${c.note}` : rule.name,
            actorId: principal.userId,
            evidence: c.evidence,
            at: now,
          }),
        ]);
        postingId = p?.id ?? null;
        posted = amount;
      }
    }
    await tx
      .update(pointClaims)
      .set({ status: to, decidedBy: principal.userId, decidedAt: new Date(), reason, postingId })
      .where(eq(pointClaims.id, id));
    await audit({
      action: decision.approve ? "points.claim.approve" : "points.claim.reject",
      entity: ENTITY,
      entityId: id,
      before: { status: c.status },
      after: { status: to, reason, posted },
    });
    await tellHolder(tx, found, rule, { approved: decision.approve, posted, reason });
    return { id, status: to, posted };
  });
}

async function tellHolder(
  tx: Executor,
  found: ClaimRow,
  rule: typeof pointRules.$inferSelect,
  outcome: { approved: boolean; posted: number; reason: string | null },
) {
  const userId = await holderUserId(tx, found.audience, found.holderId);
  if (!userId) return;
  const verb = rule.kind === "deduct" ? "扣除" : "获得";
  const body = !outcome.approved
    ? `「${rule.name}」的积分申报未通过审核：${outcome.reason ?? ""}`
    : rule.kind === "veto"
      ? `经调查核实，「${rule.name}」实行一票否决，本期积分记为零。`
      : `「${rule.name}」已通过审核，${verb} ${outcome.posted} 积分。`;
  await notify(tx, [
    {
      userId,
      kind: outcome.approved ? "points.claim.approved" : "points.claim.rejected",
      title: outcome.approved ? "积分认定结果" : "积分申报未通过",
      body,
      entity: ENTITY,
      entityId: found.claim.id,
      link: "/mobile/points",
    },
  ]);
}
