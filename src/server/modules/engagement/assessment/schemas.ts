import { Type } from "@sinclair/typebox";
import { Enum, Nullable, Uuid } from "../../../platform/http/types.ts";
import { REPORT_IN_STATUSES } from "../tables.ts";
import { PARTS } from "./score.ts";

const Named = Type.Object({ id: Uuid, name: Type.String() });
const Score = Type.Number({ minimum: 0, maximum: 100 });

export const Ranking = Type.Object({
  year: Type.Integer(),
  weights: Type.Array(
    Type.Object({ part: Enum(PARTS), weight: Type.Integer({ description: "percent of the total score" }) }),
  ),
  ranked: Type.Integer({ description: "pairings ranked in the district" }),
  total: Type.Integer({ description: "rows the caller sees" }),
  items: Type.Array(
    Type.Object({
      unit: Named,
      community: Named,
      members: Type.Integer({ description: "its in-service members living in the community" }),
      reportedIn: Type.Integer({ description: "of them, reported in (approved) this year" }),
      reportRate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
      services: Type.Integer({ description: "approved services of the year" }),
      hours: Type.Number(),
      wishes: Type.Integer({ description: "wishes fulfilled (services of kind wish)" }),
      cards: Type.Integer({ description: "feedback cards of the year" }),
      averageGrade: Nullable(Type.Number({ description: "优秀 4 … 较差 1" })),
      parts: Type.Object({ reportRate: Score, services: Score, wishes: Score, feedback: Score }),
      score: Score,
      communityRank: Type.Integer(),
      districtRank: Type.Integer(),
    }),
  ),
});

export const UnitMembers = Type.Object({
  unit: Named,
  year: Type.Integer(),
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      member: Named,
      community: Type.String(),
      reportIn: Nullable(Enum(REPORT_IN_STATUSES)),
      services: Type.Integer(),
      hours: Type.Number(),
      wishes: Type.Integer(),
      averageGrade: Nullable(Type.Number()),
    }),
  ),
});
