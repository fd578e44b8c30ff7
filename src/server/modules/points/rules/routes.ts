import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, IdParams, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { CreateRuleSet, RuleSetDetail, RuleSetItem, TemplateItem, UpdateRuleSet } from "./schemas.ts";
import {
  activateRuleSet,
  createRuleSet,
  getRuleSet,
  listRuleSets,
  listTemplates,
  newVersion,
  updateRuleSet,
} from "./service.ts";
import { AUDIENCES, RULE_SET_STATUSES } from "./tables.ts";

const tags = ["points"];
const manage = { access: { permission: "points.manage" as const } };
const Id = Type.Object({ id: Uuid });

/** Rule sets and their versions: the rules editor (S1). */
export function ruleRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/points/rule-templates",
    {
      config: manage,
      schema: {
        tags,
        summary: "The rule-set templates a new set may start from (费县 党员/睦邻/商铺, 西湖 先锋)",
        response: responses({ 200: Type.Object({ items: Type.Array(TemplateItem) }) }),
      },
    },
    async () => ({ items: listTemplates() }),
  );

  app.get(
    "/points/rule-sets",
    {
      config: manage,
      schema: {
        tags,
        summary: "The rule sets of the caller's scope and of the nodes above it (read only)",
        querystring: Type.Object(
          {
            audience: Type.Optional(Enum(AUDIENCES)),
            status: Type.Optional(Enum(RULE_SET_STATUSES)),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(RuleSetItem) }),
      },
    },
    (req) => listRuleSets(db, principalOf(req), req.query),
  );

  app.get(
    "/points/rule-sets/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "One rule set with its rules (shops' grouped by indicator) and its versions",
        params: IdParams,
        response: responses({ 200: RuleSetDetail }),
      },
    },
    (req) => getRuleSet(db, principalOf(req), req.params.id),
  );

  app.post(
    "/points/rule-sets",
    {
      config: manage,
      schema: {
        tags,
        summary: "A new rule set (from a template or blank) at a node of the caller's scope, as a draft",
        body: CreateRuleSet,
        response: responses({ 201: Id }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createRuleSet(db, principalOf(req), req.actor, req.body)),
  );

  app.put(
    "/points/rule-sets/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Change a draft: its name, base score, note and whole rule list (409 once active)",
        params: IdParams,
        body: UpdateRuleSet,
        response: responses({ 200: Id }),
      },
    },
    (req) => updateRuleSet(db, principalOf(req), req.actor, req.params.id, req.body),
  );

  app.post(
    "/points/rule-sets/:id/versions",
    {
      config: manage,
      schema: {
        tags,
        summary: "A new draft version of the same rules, copying this version's rules",
        params: IdParams,
        response: responses({ 201: Type.Object({ id: Uuid, version: Type.Integer() }) }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await newVersion(db, principalOf(req), req.actor, req.params.id)),
  );

  app.post(
    "/points/rule-sets/:id/activate",
    {
      config: manage,
      schema: {
        tags,
        summary: "Make a draft the rules from now on; the version before retires, past points stay",
        params: IdParams,
        response: responses({ 200: Type.Object({ id: Uuid, status: Type.Literal("active") }) }),
      },
    },
    (req) => activateRuleSet(db, principalOf(req), req.actor, req.params.id),
  );
}
