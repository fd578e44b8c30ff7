import { Type } from "@sinclair/typebox";
import { ROLES } from "../../../../shared/roles.ts";
import { Enum, Nullable, Time, Uuid } from "../../../platform/http/types.ts";
import { AUDIENCES, CAP_PERIODS, RULE_KINDS, RULE_SET_STATUSES } from "./tables.ts";
import { TEMPLATE_KEYS, TRIGGERS } from "./templates.ts";

/** One rule as the editor sends it (the whole list is sent on each save). */
export const RuleInput = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" }),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    indicator: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    kind: Enum(RULE_KINDS),
    trigger: Enum(TRIGGERS),
    points: Type.Integer({ minimum: 1, maximum: 100_000 }),
    perHour: Type.Optional(Type.Boolean()),
    capPoints: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000 }))),
    capPeriod: Type.Optional(Nullable(Enum(CAP_PERIODS))),
    evidenceRequired: Type.Optional(Type.Boolean()),
    approverRole: Type.Optional(Nullable(Enum(ROLES))),
  },
  { additionalProperties: false },
);

export const RuleItem = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  indicator: Nullable(Type.String()),
  kind: Enum(RULE_KINDS),
  trigger: Type.String(),
  points: Type.Integer(),
  perHour: Type.Boolean(),
  capPoints: Nullable(Type.Integer()),
  capPeriod: Nullable(Enum(CAP_PERIODS)),
  evidenceRequired: Type.Boolean(),
  approverRole: Nullable(Enum(ROLES)),
});

export const RuleSetItem = Type.Object({
  id: Uuid,
  family: Uuid,
  version: Type.Integer(),
  node: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  audience: Enum(AUDIENCES),
  name: Type.String(),
  status: Enum(RULE_SET_STATUSES),
  baseScore: Type.Integer(),
  note: Nullable(Type.String()),
  ruleCount: Type.Integer(),
  /** In the caller's own scope (a set of the district above him is shown, not edited). */
  editable: Type.Boolean(),
  createdAt: Time,
  activatedAt: Nullable(Time),
});

export const RuleSetDetail = Type.Composite([
  RuleSetItem,
  Type.Object({
    rules: Type.Array(RuleItem),
    /** Shops' rules under their first-level indicators, in order; empty for people. */
    indicators: Type.Array(Type.Object({ name: Type.String(), rules: Type.Array(RuleItem) })),
    versions: Type.Array(
      Type.Object({
        id: Uuid,
        version: Type.Integer(),
        status: Enum(RULE_SET_STATUSES),
        createdAt: Time,
        activatedAt: Nullable(Time),
      }),
    ),
  }),
]);

export const CreateRuleSet = Type.Object(
  {
    nodeId: Uuid,
    /** Start from a template; without one, `audience` and `name` make a blank set. */
    template: Type.Optional(Enum(TEMPLATE_KEYS)),
    audience: Type.Optional(Enum(AUDIENCES)),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);

export const UpdateRuleSet = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40 }),
    baseScore: Type.Integer({ minimum: 0, maximum: 100_000 }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    rules: Type.Array(RuleInput, { maxItems: 200 }),
  },
  { additionalProperties: false },
);

export const TemplateItem = Type.Object({
  key: Enum(TEMPLATE_KEYS),
  audience: Enum(AUDIENCES),
  name: Type.String(),
  baseScore: Type.Integer(),
  note: Type.String(),
  ruleCount: Type.Integer(),
});
