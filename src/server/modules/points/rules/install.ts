import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../platform/db/index.ts";
import type { RuleSet } from "./active.ts";
import { type Audience, pointRuleSets, pointRules } from "./tables.ts";
import { type RuleTemplate, TEMPLATES, type TemplateKey } from "./templates.ts";

export interface InstallRuleSet {
  nodeId: string;
  territoryPath: string;
  template: TemplateKey;
  actorId: string | null;
  /** Active at once (the node's active set of the audience retires); a draft otherwise. */
  activate?: boolean;
}

/** A new family (version 1) from a template, at a node; used by the demo loader and the editor. */
export async function installRuleSet(tx: Executor, input: InstallRuleSet): Promise<RuleSet> {
  const t = TEMPLATES[input.template];
  return insertRuleSet(tx, {
    family: randomUUID(),
    version: 1,
    nodeId: input.nodeId,
    territoryPath: input.territoryPath,
    audience: t.audience,
    name: t.name,
    baseScore: t.baseScore,
    note: t.note,
    createdBy: input.actorId,
    rules: t.rules,
    activate: input.activate ?? false,
  });
}

export interface NewRuleSet {
  family: string;
  version: number;
  nodeId: string;
  territoryPath: string;
  audience: Audience;
  name: string;
  baseScore: number;
  note: string | null;
  createdBy: string | null;
  rules: readonly RuleTemplate[];
  activate: boolean;
}

/** Inserts a version and its rules (in the order given). */
export async function insertRuleSet(tx: Executor, input: NewRuleSet): Promise<RuleSet> {
  if (input.activate) await retireActive(tx, input.nodeId, input.audience);
  const [set] = await tx
    .insert(pointRuleSets)
    .values({
      family: input.family,
      version: input.version,
      nodeId: input.nodeId,
      territoryPath: input.territoryPath,
      audience: input.audience,
      name: input.name,
      baseScore: input.baseScore,
      note: input.note,
      createdBy: input.createdBy,
      status: input.activate ? "active" : "draft",
      activatedAt: input.activate ? new Date() : null,
    })
    .returning();
  if (!set) throw new Error("rule set not inserted");
  await insertRules(tx, set.id, input.rules);
  return set;
}

export async function insertRules(
  tx: Executor,
  ruleSetId: string,
  rules: readonly RuleTemplate[],
): Promise<void> {
  if (rules.length === 0) return;
  await tx.insert(pointRules).values(
    rules.map((r, i) => ({
      ruleSetId,
      code: r.code,
      name: r.name,
      indicator: r.indicator ?? null,
      kind: r.kind,
      trigger: r.trigger,
      points: r.points,
      perHour: r.perHour ?? false,
      capPoints: r.capPoints ?? null,
      capPeriod: r.capPeriod ?? null,
      evidenceRequired: r.evidenceRequired ?? false,
      approverRole: r.approverRole ?? null,
      sort: i,
    })),
  );
}

/** One active set per node and audience: the one before retires when another is activated. */
export async function retireActive(tx: Executor, nodeId: string, audience: Audience): Promise<void> {
  await tx
    .update(pointRuleSets)
    .set({ status: "retired" })
    .where(
      and(
        eq(pointRuleSets.nodeId, nodeId),
        eq(pointRuleSets.audience, audience),
        eq(pointRuleSets.status, "active"),
      ),
    );
}
