import { Type } from "@sinclair/typebox";
import { Enum, Nullable, Time, Uuid } from "../../../platform/http/types.ts";
import { RATER_KINDS, ROUND_STATUSES } from "./tables.ts";

/** Request and answer schemas of the appraisal rounds (民主评议). */
export const Period = Type.String({
  pattern: "^\\d{4}H[12]$",
  maxLength: 6,
  description: "a half-year: 2026H2",
});
const Percent = Type.Integer({ minimum: 0, maximum: 100 });
export const Weights = Type.Object(
  { record: Percent, self: Percent, peer: Percent, resident: Percent },
  { additionalProperties: false, description: "in %, summing to 100 (default 60/10/15/15)" },
);
const Counts = Type.Object({ self: Type.Integer(), peer: Type.Integer(), resident: Type.Integer() });
const Part = Nullable(Type.Number());

export const NewRound = Type.Object(
  {
    nodeId: Uuid,
    period: Type.Optional(Period),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: "\\S" })),
    weights: Type.Optional(Weights),
  },
  { additionalProperties: false },
);

export const RoundItem = Type.Object({
  id: Uuid,
  title: Type.String(),
  period: Period,
  node: Type.Object({ id: Uuid, name: Type.String() }),
  weights: Weights,
  status: Enum(ROUND_STATUSES),
  appraisals: Type.Integer(),
  createdAt: Time,
  closedAt: Nullable(Time),
});

export const Result = Type.Object({
  record: Type.Number(),
  self: Part,
  peer: Part,
  resident: Part,
  total: Type.Number(),
  /** The sides nobody appraised (their weight went to the others). */
  missing: Type.Array(Enum(RATER_KINDS)),
  vetoed: Nullable(Type.String()),
  points: Type.Integer({ description: "先锋积分 credited on closing: round(total / 10)" }),
});

export const RoundDetail = Type.Intersect([
  RoundItem,
  Type.Object({
    members: Type.Array(
      Type.Object({
        memberId: Uuid,
        name: Type.String(),
        counts: Counts,
        result: Nullable(Result),
      }),
    ),
  }),
]);

export const MyRounds = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      period: Period,
      node: Type.Object({ id: Uuid, name: Type.String() }),
      /** member: a party member of the community (himself: self, the others: peer); resident: his household's one voice. */
      as: Enum(["member", "resident"] as const),
      members: Type.Array(
        Type.Object({
          memberId: Uuid,
          name: Type.String(),
          raterKind: Enum(RATER_KINDS),
          /** What he (or his household) gave, if already. */
          score: Nullable(Type.Integer()),
        }),
      ),
    }),
  ),
  total: Type.Integer(),
});

export const NewAppraisal = Type.Object(
  { memberId: Uuid, score: Type.Integer({ minimum: 0, maximum: 100 }) },
  { additionalProperties: false },
);

export const Appraised = Type.Object({
  roundId: Uuid,
  memberId: Uuid,
  raterKind: Enum(RATER_KINDS),
  score: Type.Integer(),
});
