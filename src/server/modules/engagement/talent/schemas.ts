import { Type } from "@sinclair/typebox";
import { Enum, Nullable, Time, Uuid } from "../../../platform/http/types.ts";
import { MATCH_KINDS, MATCH_OUTCOMES, SEEKER_STATUSES } from "./tables.ts";

const Node = Nullable(Type.Object({ id: Uuid, name: Type.String() }));
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });
const Skills = Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 20 });
const Phone = Type.String({ minLength: 11, maxLength: 20 });

export const TalentItem = Type.Object({
  id: Uuid,
  name: Type.String(),
  phone: Type.String({ description: "masked in the list; whole in the detail (logged)" }),
  memberId: Nullable(Uuid),
  node: Node,
  skills: Type.Array(Type.String()),
  availability: Nullable(Type.String()),
  note: Nullable(Type.String()),
  active: Type.Boolean(),
  createdAt: Time,
});

export const talentFields = {
  name: Text(30),
  phone: Phone,
  memberId: Type.Optional(Nullable(Uuid)),
  nodeId: Uuid,
  skills: Skills,
  availability: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
};

export const seekerFields = {
  name: Text(30),
  phone: Phone,
  nodeId: Uuid,
  wanted: Text(100),
  skills: Type.Optional(Skills),
};

export const MatchItem = Type.Object({
  id: Uuid,
  kind: Enum(MATCH_KINDS),
  title: Type.String(),
  provider: Type.String(),
  outcome: Enum(MATCH_OUTCOMES),
  note: Nullable(Type.String()),
  createdAt: Time,
  decidedAt: Nullable(Time),
});

export const SeekerItem = Type.Object({
  id: Uuid,
  name: Type.String(),
  phone: Type.String({ description: "masked" }),
  node: Node,
  wanted: Type.String(),
  skills: Type.Array(Type.String()),
  status: Enum(SEEKER_STATUSES),
  createdAt: Time,
  matches: Type.Array(MatchItem),
});

export const SeekerFigures = Type.Object({
  registered: Type.Integer(),
  training: Type.Integer(),
  employedThisYear: Type.Integer({ description: "seekers with a hire recorded since 1 January" }),
});
