import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { PhotoIds, PhotoRef } from "../../../platform/files/index.ts";
import { exportable, listOrExport } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, IdParams, Nullable, responses, Time, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { MEMBER_PAIRING_KINDS } from "../../people/index.ts";
import { visitCoverage } from "./coverage.ts";
import { problemToCase } from "./visit-cases.ts";
import { visitSheet } from "./visit-sheet.ts";
import { createVisit, getVisit, listVisits, myHouseholds } from "./visits.ts";

const tags = ["engagement"];
const serve = { access: { permission: "engagement.serve" as const } };
// Members see their own visits, staff their scope's: the services decide (403 for neither).
const signedIn = { access: "authenticated" as const };
const Day = Type.String({ format: "date", description: "a China calendar day, YYYY-MM-DD" });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });

const Visit = Type.Object({
  id: Uuid,
  memberId: Uuid,
  memberName: Type.String(),
  householdId: Uuid,
  address: Type.String(),
  visitedAt: Time,
  note: Type.String(),
  photos: Type.Array(PhotoRef),
  problems: Type.Array(
    Type.Object({
      index: Type.Integer(),
      text: Type.String(),
      caseId: Nullable(Uuid),
      caseCode: Nullable(Type.String({ description: "the case it became, once turned into one" })),
    }),
  ),
  createdAt: Time,
});

const Figures = { assigned: Type.Integer(), visited: Type.Integer() };
const Place = { id: Nullable(Uuid), code: Type.String(), name: Type.String() };

/** 民情日记: a member's paired households, his visits, problems into cases, and the coverage. */
export function visitRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/engagement/my-households",
    {
      config: serve,
      schema: {
        tags,
        summary:
          "The caller's paired households (包保 / 1+1带N), his last visit and whether done this quarter",
        response: responses({
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                householdId: Uuid,
                address: Type.String(),
                kind: Enum(MEMBER_PAIRING_KINDS),
                lastVisitedAt: Nullable(Time),
                visitedThisQuarter: Type.Boolean(),
              }),
            ),
            total: Type.Integer(),
            year: Type.Integer(),
            quarter: Type.Integer(),
          }),
        }),
      },
    },
    (req) => myHouseholds(db, principalOf(req)),
  );

  app.post(
    "/engagement/visits",
    {
      config: serve,
      schema: {
        tags,
        summary:
          "Log a visit to a paired household (422 HOUSEHOLD_NOT_ASSIGNED otherwise); the same clientKey again returns the first visit with 200",
        body: Type.Object(
          {
            householdId: Uuid,
            visitedAt: Type.Optional(Type.String({ format: "date-time", maxLength: 40 })),
            note: Text(2000),
            photos: Type.Optional(PhotoIds),
            problems: Type.Optional(Type.Array(Text(500), { maxItems: 10 })),
            clientKey: Type.Optional(
              Type.String({ minLength: 8, maxLength: 64, pattern: "^[A-Za-z0-9_-]+$" }),
            ),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Visit, 201: Visit }),
      },
    },
    async (req, reply) => {
      const { created, visit } = await createVisit(db, principalOf(req), req.actor, req.body);
      return reply.status(created ? 201 : 200).send(visit);
    },
  );

  app.get(
    "/engagement/visits",
    {
      config: signedIn,
      schema: exportable({
        tags,
        summary:
          "Visits, newest first: the scope's for engagement.manage, else (or with mine) the caller's own",
        querystring: Type.Object(
          {
            mine: Type.Optional(Type.Boolean()),
            memberId: Type.Optional(Uuid),
            householdId: Type.Optional(Uuid),
            from: Type.Optional(Day),
            to: Type.Optional(Day),
            hasProblems: Type.Optional(Type.Boolean()),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(Visit) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, visitSheet, (paging) =>
        listVisits(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/engagement/visits/:id",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "A visit: for its visitor, and staff with engagement.manage over its household",
        params: IdParams,
        response: responses({ 200: Visit }),
      },
    },
    (req) => getVisit(db, principalOf(req), req.params.id),
  );

  app.post(
    "/engagement/visits/:id/problems/:index/case",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "Turn a problem found on a visit into a case at the household (the visitor, or engagement.manage in scope); 409 PROBLEM_ALREADY_CASE with its code the second time",
        params: Type.Object(
          { id: Uuid, index: Type.Integer({ minimum: 0, maximum: 9 }) },
          { additionalProperties: false },
        ),
        body: Type.Optional(
          Type.Object(
            { categoryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) },
            { additionalProperties: false },
          ),
        ),
        response: responses({
          201: Type.Object({
            visitId: Uuid,
            index: Type.Integer(),
            caseId: Uuid,
            caseCode: Type.String(),
            status: Type.String(),
          }),
        }),
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await problemToCase(
            db,
            principalOf(req),
            req.actor,
            req.params.id,
            req.params.index,
            req.body?.categoryCode,
          ),
        ),
  );

  app.get(
    "/engagement/visit-coverage",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "Paired households visited in a quarter over those assigned, per community, grid and member under a node (engagement.manage or dashboard.read)",
        querystring: Type.Object(
          {
            underId: Type.Optional(Uuid),
            year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
            quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
          },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            year: Type.Integer(),
            quarter: Type.Integer(),
            from: Time,
            to: Time,
            ...Figures,
            communities: Type.Array(
              Type.Object({
                ...Place,
                ...Figures,
                grids: Type.Array(
                  Type.Object({
                    ...Place,
                    ...Figures,
                    members: Type.Array(Type.Object({ memberId: Uuid, name: Type.String(), ...Figures })),
                  }),
                ),
              }),
            ),
          }),
        }),
      },
    },
    (req) => visitCoverage(db, principalOf(req), req.query),
  );
}
