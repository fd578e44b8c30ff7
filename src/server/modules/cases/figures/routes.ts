import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { type App, Enum, Nullable, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { SATISFACTION_UNITS, satisfaction } from "../satisfaction.ts";

const tags = ["cases"];
const DateTime = Type.String({ format: "date-time", maxLength: 40 });

/** Figures over cases (R7 satisfaction); scoped like the case list. */
export function figureRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/cases/satisfaction",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary:
          "Satisfaction (群众评单) per grid, community, street or department over cases created in [from, to)",
        querystring: Type.Object(
          {
            by: Type.Optional(Enum(SATISFACTION_UNITS)),
            from: Type.Optional(DateTime),
            to: Type.Optional(DateTime),
          },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            by: Enum(SATISFACTION_UNITS),
            items: Type.Array(
              Type.Object({
                id: Uuid,
                code: Type.String(),
                name: Type.String(),
                cases: Type.Integer({ minimum: 0 }),
                rated: Type.Integer({ minimum: 0 }),
                satisfied: Type.Integer({ minimum: 0, description: "rated 4 or 5" }),
                satisfactionRate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
                meanRating: Nullable(Type.Number()),
                lowRatings: Type.Integer({ minimum: 0, description: "rated 2 or less" }),
              }),
            ),
          }),
        }),
      },
    },
    (req) => satisfaction(db, principalOf(req), req.query),
  );
}
