import { Type } from "@sinclair/typebox";
import { principalOf } from "../../platform/auth/index.ts";
import { type App, responses } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { areaFigures, live, trend } from "./areas.ts";
import { departmentFigures } from "./department.ts";
import { overview } from "./overview.ts";
import { PointsBoardBody, pointsBoard } from "./points.ts";
import {
  AreasBody,
  DepartmentBody,
  LiveBody,
  OverviewBody,
  TrendBody,
  TrendQuery,
  ViewQuery,
} from "./schemas.ts";

const tags = ["dashboard"];
const read = { access: { permission: "dashboard.read" as const } };

/** D1: the command centre's figures, for the big screen and the admin home page. */
export function dashboardRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/dashboard/overview",
    {
      config: read,
      schema: {
        tags,
        summary: "Figures of a territory node over a period (default: the caller's scope, the last 30 days)",
        querystring: Type.Object(ViewQuery, { additionalProperties: false }),
        response: responses({ 200: OverviewBody }),
      },
    },
    (req) => overview(db, principalOf(req), req.query),
  );

  app.get(
    "/dashboard/areas",
    {
      config: read,
      schema: {
        tags,
        summary:
          "The areas of a node's map with their figures: a district's or street's communities, a community's grids",
        querystring: Type.Object(ViewQuery, { additionalProperties: false }),
        response: responses({ 200: AreasBody }),
      },
    },
    (req) => areaFigures(db, principalOf(req), req.query),
  );

  app.get(
    "/dashboard/trend",
    {
      config: read,
      schema: {
        tags,
        summary: "Cases received, finished and rated per day or month (default: by day up to 92 days)",
        querystring: Type.Object(TrendQuery, { additionalProperties: false }),
        response: responses({ 200: TrendBody }),
      },
    },
    (req) => trend(db, principalOf(req), req.query),
  );

  app.get(
    "/dashboard/live",
    {
      config: read,
      schema: {
        tags,
        summary: "The newest cases and the longest overdue ones under a node (the big screen polls it)",
        querystring: Type.Object(
          { node: ViewQuery.node, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) },
          { additionalProperties: false },
        ),
        response: responses({ 200: LiveBody }),
      },
    },
    (req) => live(db, principalOf(req), req.query),
  );

  app.get(
    "/dashboard/points",
    {
      config: read,
      schema: {
        tags,
        summary: "积分榜 of the screen: the published star members and virtue shops of a node, names masked",
        querystring: Type.Object({ node: ViewQuery.node }, { additionalProperties: false }),
        response: responses({ 200: PointsBoardBody }),
      },
    },
    (req) => pointsBoard(db, principalOf(req), req.query),
  );

  app.get(
    "/dashboard/department",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "The caller's department's whistles (吹哨报到) over a period and awaiting its report now",
        querystring: Type.Object({ from: ViewQuery.from, to: ViewQuery.to }, { additionalProperties: false }),
        response: responses({ 200: DepartmentBody }),
      },
    },
    (req) => departmentFigures(db, principalOf(req), req.query),
  );
}
