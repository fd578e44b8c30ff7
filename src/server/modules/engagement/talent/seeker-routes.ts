import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { exportable, listOrExport } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, IdParams, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { SeekerFigures, SeekerItem, seekerFields } from "./schemas.ts";
import {
  listSeekers,
  proposeMatch,
  recordOutcome,
  registerSeeker,
  seekerFigures,
  updateSeeker,
} from "./seekers.ts";
import { seekerSheet } from "./sheets.ts";
import { MATCH_KINDS, SEEKER_STATUSES } from "./tables.ts";

const tags = ["engagement"];
const manage = { access: { permission: "engagement.manage" as const } };
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });
const Moved = Type.Object({ id: Uuid, status: Enum(SEEKER_STATUSES) });

/** 就业帮扶 (P6): job seekers registered by the community, trainings and openings, outcomes. */
export function seekerRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/engagement/seekers",
    {
      config: manage,
      schema: {
        tags,
        summary: "Register a job seeker at a node in scope",
        body: Type.Object(seekerFields, { additionalProperties: false }),
        response: responses({ 201: Moved }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await registerSeeker(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/engagement/seekers",
    {
      config: manage,
      schema: exportable({
        tags,
        summary: "Job seekers of the caller's scope with their proposals, newest first",
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Array(Enum(SEEKER_STATUSES), { maxItems: 4 })),
            underId: Type.Optional(Uuid),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(SeekerItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, seekerSheet, (paging) =>
        listSeekers(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/engagement/seekers/figures",
    {
      config: manage,
      schema: {
        tags,
        summary: "Registered, in training, employed this year (the caller's scope, or under a node)",
        querystring: Type.Object({ underId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: responses({ 200: SeekerFigures }),
      },
    },
    (req) => seekerFigures(db, principalOf(req), req.query.underId),
  );

  app.patch(
    "/engagement/seekers/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Correct a seeker, or move his status (registered → training → employed / closed)",
        params: IdParams,
        body: Type.Partial(
          Type.Object({ ...seekerFields, status: Enum(SEEKER_STATUSES) }, { additionalProperties: false }),
        ),
        response: responses({ 200: Moved }),
      },
    },
    (req) => updateSeeker(db, principalOf(req), req.actor, req.params.id, req.body),
  );

  app.post(
    "/engagement/seekers/:id/matches",
    {
      config: manage,
      schema: {
        tags,
        summary: "Propose a training or a job opening to a seeker",
        params: IdParams,
        body: Type.Object(
          {
            kind: Enum(MATCH_KINDS),
            title: Text(60),
            provider: Text(60),
            note: Type.Optional(Type.String({ maxLength: 300 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Object({ id: Uuid }) }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await proposeMatch(db, principalOf(req), req.actor, req.params.id, req.body)),
  );

  app.post(
    "/engagement/matches/:id/outcome",
    {
      config: manage,
      schema: {
        tags,
        summary: "Record how a proposal ended: attended, hired (the seeker is employed) or declined",
        params: IdParams,
        body: Type.Object(
          {
            outcome: Enum(["attended", "hired", "declined"] as const),
            note: Type.Optional(Type.String({ maxLength: 300 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ id: Uuid, outcome: Type.String() }) }),
      },
    },
    (req) => recordOutcome(db, principalOf(req), req.actor, req.params.id, req.body),
  );
}
