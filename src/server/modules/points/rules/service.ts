import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, inArray, max, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/audit/index.ts";
import { audited } from "../../../platform/audit/index.ts";
import { inScope, type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../../../platform/errors.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { getNode, nodesByIds } from "../../territory/index.ts";
import type { Rule, RuleSet } from "./active.ts";
import { insertRuleSet, insertRules, retireActive } from "./install.ts";
import { type Audience, pointRuleSets, pointRules, type RuleSetStatus } from "./tables.ts";
import { type RuleTemplate, TEMPLATE_KEYS, TEMPLATES, type TemplateKey } from "./templates.ts";
import { ruleProblems } from "./validate.ts";

const PERMISSION = "points.manage" as const;
const ENTITY = "point_rule_set";

/** GET /points/rule-templates */
export const listTemplates = () =>
  TEMPLATE_KEYS.map((key) => {
    const t = TEMPLATES[key];
    return {
      key,
      audience: t.audience,
      name: t.name,
      baseScore: t.baseScore,
      note: t.note,
      ruleCount: t.rules.length,
    };
  });

/** The paths above the caller's scope roots: the rules that govern his area are set there too. */
function ancestorsOf(paths: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    const ids = p.split("/").filter(Boolean);
    for (let i = 1; i <= ids.length; i++) out.add(`/${ids.slice(0, i).join("/")}/`);
  }
  return [...out];
}

/** Sets the caller may read: those in his scope, and those of the nodes above it (read only). */
function readable(principal: Principal): SQL {
  const above = ancestorsOf(scopePaths(principal, PERMISSION));
  const own = inScope(principal, PERMISSION, pointRuleSets.territoryPath);
  return above.length ? (or(own, inArray(pointRuleSets.territoryPath, above)) as SQL) : own;
}

const editable = (principal: Principal, path: string) =>
  scopePaths(principal, PERMISSION).some((p) => path.startsWith(p));

/** A set the caller may read (404 otherwise, as one that does not exist). */
async function readableSet(executor: Executor, principal: Principal, id: string): Promise<RuleSet> {
  const [row] = await executor
    .select()
    .from(pointRuleSets)
    .where(and(eq(pointRuleSets.id, id), readable(principal)));
  if (!row) throw notFound(ENTITY, id);
  return row;
}

/** A set in the caller's own scope, locked for a change. */
async function ownSet(tx: Executor, principal: Principal, id: string): Promise<RuleSet> {
  const [row] = await tx
    .select()
    .from(pointRuleSets)
    .where(and(eq(pointRuleSets.id, id), inScope(principal, PERMISSION, pointRuleSets.territoryPath)))
    .for("update");
  if (!row) throw notFound(ENTITY, id);
  return row;
}

export interface RuleSetFilter extends Paging {
  audience?: Audience;
  status?: RuleSetStatus;
}

/** GET /points/rule-sets: the caller's sets and those above him, by audience, newest version first. */
export async function listRuleSets(db: Db, principal: Principal, f: RuleSetFilter) {
  const conditions: SQL[] = [readable(principal)];
  if (f.audience) conditions.push(eq(pointRuleSets.audience, f.audience));
  if (f.status) conditions.push(eq(pointRuleSets.status, f.status));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(pointRuleSets)
      .where(where)
      .orderBy(
        asc(pointRuleSets.audience),
        sql`case ${pointRuleSets.status} when 'active' then 0 when 'draft' then 1 else 2 end`,
        desc(pointRuleSets.createdAt),
        asc(pointRuleSets.id),
      )
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(pointRuleSets).where(where),
  ]);
  return { items: await present(db, principal, rows), total: total?.n ?? 0 };
}

async function present(executor: Executor, principal: Principal, rows: RuleSet[]) {
  const ids = rows.map((r) => r.id);
  const counts = new Map(
    (ids.length
      ? await executor
          .select({ id: pointRules.ruleSetId, n: count() })
          .from(pointRules)
          .where(inArray(pointRules.ruleSetId, ids))
          .groupBy(pointRules.ruleSetId)
      : []
    ).map((r) => [r.id, r.n]),
  );
  const nodes = new Map(
    (
      await nodesByIds(
        executor,
        rows.map((r) => r.nodeId),
      )
    ).map((n) => [n.id, n]),
  );
  return rows.map((r) => {
    const node = nodes.get(r.nodeId);
    return {
      id: r.id,
      family: r.family,
      version: r.version,
      node: node ? { id: node.id, name: node.name } : null,
      audience: r.audience,
      name: r.name,
      status: r.status,
      baseScore: r.baseScore,
      note: r.note,
      ruleCount: counts.get(r.id) ?? 0,
      editable: editable(principal, r.territoryPath),
      createdAt: r.createdAt.toISOString(),
      activatedAt: r.activatedAt?.toISOString() ?? null,
    };
  });
}

export const presentRule = (r: Rule) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  indicator: r.indicator,
  kind: r.kind,
  trigger: r.trigger,
  points: r.points,
  perHour: r.perHour,
  capPoints: r.capPoints,
  capPeriod: r.capPeriod,
  evidenceRequired: r.evidenceRequired,
  approverRole: r.approverRole as RuleTemplate["approverRole"] & {},
});

/** Shops' rules under their first-level indicators, in the order they first appear. */
export function byIndicator<R extends { indicator: string | null }>(rules: readonly R[]) {
  const groups = new Map<string, R[]>();
  for (const r of rules) if (r.indicator) groups.set(r.indicator, [...(groups.get(r.indicator) ?? []), r]);
  return [...groups].map(([name, list]) => ({ name, rules: list }));
}

/** GET /points/rule-sets/{id}: the set with its rules and the versions of its family. */
export async function getRuleSet(db: Db, principal: Principal, id: string) {
  const set = await readableSet(db, principal, id);
  const [[item], rules, versions] = await Promise.all([
    present(db, principal, [set]),
    db.select().from(pointRules).where(eq(pointRules.ruleSetId, id)).orderBy(pointRules.sort),
    db
      .select()
      .from(pointRuleSets)
      .where(eq(pointRuleSets.family, set.family))
      .orderBy(desc(pointRuleSets.version)),
  ]);
  const list = rules.map(presentRule);
  return {
    ...(item as NonNullable<typeof item>),
    rules: list,
    indicators: set.audience === "merchant" ? byIndicator(list) : [],
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status,
      createdAt: v.createdAt.toISOString(),
      activatedAt: v.activatedAt?.toISOString() ?? null,
    })),
  };
}

/** POST /points/rule-sets: a new family, as a draft at a node of the caller's scope. */
export async function createRuleSet(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: { nodeId: string; template?: TemplateKey; audience?: Audience; name?: string },
) {
  const node = await getNode(db, principal, input.nodeId, PERMISSION).catch(() => {
    throw unprocessable("UNKNOWN_NODE", { field: "nodeId" });
  });
  const template = input.template ? TEMPLATES[input.template] : null;
  const audience = template?.audience ?? input.audience;
  const name = input.name?.trim() || template?.name;
  if (!audience) throw unprocessable("RULE_SET_AUDIENCE_REQUIRED", { field: "audience" });
  if (template && input.audience && input.audience !== template.audience)
    throw unprocessable("RULE_SET_AUDIENCE_REQUIRED", { field: "audience" });
  if (!name) throw unprocessable("RULE_SET_NAME_REQUIRED", { field: "name" });
  return audited(db, actor, async (tx, audit) => {
    const set = await insertRuleSet(tx, {
      family: randomUUID(),
      version: 1,
      nodeId: node.id,
      territoryPath: node.path,
      audience,
      name,
      baseScore: template?.baseScore ?? 0,
      note: template?.note ?? null,
      createdBy: actor.userId,
      rules: template?.rules ?? [],
      activate: false,
    });
    await audit({
      action: "points.ruleset.create",
      entity: ENTITY,
      entityId: set.id,
      after: { name, audience, nodeId: node.id, template: input.template ?? null },
    });
    return { id: set.id };
  });
}

function assertDraft(set: RuleSet) {
  if (set.status !== "draft") throw conflict("RULE_SET_NOT_DRAFT", { status: set.status });
}

/** PUT /points/rule-sets/{id}: a draft's name, base score, note and whole rule list. */
export async function updateRuleSet(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  input: { name: string; baseScore: number; note?: string | null; rules: RuleTemplate[] },
) {
  const problems = ruleProblems(input.rules);
  const first = problems[0];
  if (first)
    throw unprocessable("INVALID_RULE", {
      position: first.index + 1,
      name: first.name,
      problem: first.problem,
      problems,
    });
  return audited(db, actor, async (tx, audit) => {
    const set = await ownSet(tx, principal, id);
    assertDraft(set);
    if (set.audience === "merchant" && input.rules.some((r) => !r.indicator?.trim()))
      throw unprocessable("RULE_INDICATOR_REQUIRED", { field: "rules" });
    const before = await tx.select().from(pointRules).where(eq(pointRules.ruleSetId, id));
    await tx
      .update(pointRuleSets)
      .set({ name: input.name.trim(), baseScore: input.baseScore, note: input.note?.trim() || null })
      .where(eq(pointRuleSets.id, id));
    // A draft has never been used: its rules are replaced whole (no posting names them yet).
    await tx.delete(pointRules).where(eq(pointRules.ruleSetId, id));
    await insertRules(tx, id, input.rules);
    await audit({
      action: "points.ruleset.update",
      entity: ENTITY,
      entityId: id,
      before: { name: set.name, baseScore: set.baseScore, rules: before.map((r) => `${r.code}:${r.points}`) },
      after: {
        name: input.name,
        baseScore: input.baseScore,
        rules: input.rules.map((r) => `${r.code}:${r.points}`),
      },
    });
    return { id };
  });
}

/** POST /points/rule-sets/{id}/versions: the next version of the family, a draft with its rules. */
export async function newVersion(db: Db, principal: Principal, actor: Actor, id: string) {
  return audited(db, actor, async (tx, audit) => {
    const set = await ownSet(tx, principal, id);
    const [draft] = await tx
      .select({ id: pointRuleSets.id })
      .from(pointRuleSets)
      .where(and(eq(pointRuleSets.family, set.family), eq(pointRuleSets.status, "draft")));
    if (draft) throw conflict("RULE_SET_DRAFT_EXISTS", { id: draft.id });
    const [last] = await tx
      .select({ v: max(pointRuleSets.version) })
      .from(pointRuleSets)
      .where(eq(pointRuleSets.family, set.family));
    const rules = await tx
      .select()
      .from(pointRules)
      .where(eq(pointRules.ruleSetId, id))
      .orderBy(pointRules.sort);
    const next = await insertRuleSet(tx, {
      family: set.family,
      version: (last?.v ?? set.version) + 1,
      nodeId: set.nodeId,
      territoryPath: set.territoryPath,
      audience: set.audience,
      name: set.name,
      baseScore: set.baseScore,
      note: set.note,
      createdBy: actor.userId,
      rules: rules.map((r) => ({ ...presentRule(r), approverRole: presentRule(r).approverRole ?? null })),
      activate: false,
    });
    await audit({
      action: "points.ruleset.version",
      entity: ENTITY,
      entityId: next.id,
      after: { family: set.family, version: next.version, from: set.version },
    });
    return { id: next.id, version: next.version };
  });
}

/**
 * POST /points/rule-sets/{id}/activate: the draft becomes the rules from now on; the family's
 * active version and the node's active set of the audience retire. Past postings keep their points.
 */
export async function activateRuleSet(db: Db, principal: Principal, actor: Actor, id: string) {
  return audited(db, actor, async (tx, audit) => {
    const set = await ownSet(tx, principal, id);
    if (set.status !== "draft") throw conflict("ILLEGAL_TRANSITION", { status: set.status });
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(pointRules)
      .where(eq(pointRules.ruleSetId, id));
    if (n === 0) throw unprocessable("RULE_SET_EMPTY");
    await tx
      .update(pointRuleSets)
      .set({ status: "retired" })
      .where(and(eq(pointRuleSets.family, set.family), eq(pointRuleSets.status, "active")));
    await retireActive(tx, set.nodeId, set.audience);
    await tx
      .update(pointRuleSets)
      .set({ status: "active", activatedAt: new Date() })
      .where(eq(pointRuleSets.id, id));
    await audit({
      action: "points.ruleset.activate",
      entity: ENTITY,
      entityId: id,
      before: { status: set.status },
      after: { status: "active", version: set.version },
    });
    return { id, status: "active" as const };
  });
}
