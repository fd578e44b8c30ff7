import { Type } from "@sinclair/typebox";
import { MOBILISATION_TEMPLATE_KEYS } from "../../../../shared/mobilisation.ts";
import { principalOf } from "../../../platform/auth/index.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, IdParams, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { MOBILISATION_STATUSES } from "./flow.ts";
import { callMembers, reportArrival } from "./members.ts";
import { Candidate, MobilisationDetail, MobilisationItem, Moved, MyMobilisation, Point } from "./schemas.ts";
import { dissolveMobilisation, listMobilisations, raiseMobilisation } from "./service.ts";
import { MOBILISATION_KINDS } from "./tables.ts";
import { getMobilisation, listCandidates, myMobilisations } from "./views.ts";

const tags = ["engagement"];
const manage = { access: { permission: "engagement.manage" as const } };
const signedIn = { access: "authenticated" as const };
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });
const Body = <P extends Parameters<typeof Type.Object>[0]>(props: P) =>
  Type.Object(props, { additionalProperties: false });

/** 应急动员 (P5): raise from a template, call members, they report on the phone, dissolve. */
export function mobilisationRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/engagement/mobilisations",
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Raise a call-up (临时党支部, 突击队, 先锋岗, 责任区) from a template at a street, community or grid in scope",
        body: Body({
          template: Enum(MOBILISATION_TEMPLATE_KEYS),
          kind: Type.Optional(Enum(MOBILISATION_KINDS)),
          name: Type.Optional(Text(60)),
          purpose: Type.Optional(Text(500)),
          nodeId: Uuid,
          place: Type.Optional(Type.String({ maxLength: 100 })),
          location: Type.Optional(Point),
        }),
        response: responses({ 201: Moved }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await raiseMobilisation(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/engagement/mobilisations",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "Call-ups of the caller's scope (staff down to grid workers: also those raised above his node), newest first",
        querystring: Type.Object(
          { status: Type.Optional(Enum(MOBILISATION_STATUSES)), underId: Type.Optional(Uuid), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(MobilisationItem) }),
      },
    },
    (req) => listMobilisations(db, principalOf(req), req.query),
  );

  app.get(
    "/engagement/mobilisations/mine",
    {
      config: { access: { permission: "engagement.serve" as const } },
      schema: {
        tags,
        summary: "我的召集: the call-ups that called me, active first, with whether I reported",
        querystring: Type.Object(
          { active: Type.Optional(Type.Boolean()), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(MyMobilisation) }),
      },
    },
    (req) => myMobilisations(db, principalOf(req), req.query),
  );

  app.get(
    "/engagement/mobilisations/:id",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "A call-up: who was called, who reported, when and where; the caller's allowed actions",
        params: IdParams,
        response: responses({ 200: MobilisationDetail }),
      },
    },
    (req) => getMobilisation(db, principalOf(req), req.params.id),
  );

  app.get(
    "/engagement/mobilisations/:id/candidates",
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Party members living under the call-up's node, with skills (talent pool) and whether free; nearest first",
        params: IdParams,
        querystring: Type.Object(
          {
            skill: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
            underId: Type.Optional(Uuid),
            available: Type.Optional(Type.Boolean()),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(Candidate) }),
      },
    },
    (req) => listCandidates(db, principalOf(req), req.params.id, req.query),
  );

  app.post(
    "/engagement/mobilisations/:id/members",
    {
      config: manage,
      schema: {
        tags,
        summary: "Call members (in-app notice, or SMS without an account); optionally name the leader",
        params: IdParams,
        body: Body({
          memberIds: Type.Array(Uuid, { minItems: 1, maxItems: 200 }),
          leaderId: Type.Optional(Uuid),
        }),
        response: responses({
          200: Type.Object({
            called: Type.Integer({ description: "newly called now" }),
            total: Type.Integer({ description: "called in all" }),
          }),
        }),
      },
    },
    (req) => callMembers(db, principalOf(req), req.actor, req.params.id, req.body),
  );

  app.post(
    "/engagement/mobilisations/:id/report",
    {
      config: { access: { permission: "engagement.serve" as const } },
      schema: {
        tags,
        summary: "我已到岗: a called member reports once, with his phone's location if allowed",
        params: IdParams,
        body: Body({ location: Type.Optional(Point), note: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: responses({
          200: Type.Object({ id: Uuid, reportedAt: Type.String({ format: "date-time" }) }),
        }),
      },
    },
    (req) => reportArrival(db, principalOf(req), req.actor, req.params.id, req.body ?? {}),
  );

  app.post(
    "/engagement/mobilisations/:id/dissolve",
    {
      config: manage,
      schema: {
        tags,
        summary: "Dissolve the call-up; its record stays, read-only",
        params: IdParams,
        body: Body({ note: Text(500) }),
        response: responses({ 200: Moved }),
      },
    },
    (req) => dissolveMobilisation(db, principalOf(req), req.actor, req.params.id, req.body.note),
  );
}
