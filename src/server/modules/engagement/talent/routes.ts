import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { exportable, listOrExport } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, IdParams, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { TalentItem, talentFields } from "./schemas.ts";
import { createTalent, getTalent, listTalents, updateTalent } from "./service.ts";
import { talentSheet } from "./sheets.ts";

const tags = ["engagement"];
const manage = { access: { permission: "engagement.manage" as const } };
const Id = Type.Object({ id: Uuid });

/** 人才库 (P6): residents and members who offer skills, searchable by skill and place. */
export function talentRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/engagement/talents",
    {
      config: manage,
      schema: {
        tags,
        summary: "Add someone to the talent pool (a doctor, a teacher, an electrician …) at a node in scope",
        body: Type.Object(talentFields, { additionalProperties: false }),
        response: responses({ 201: Id }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createTalent(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/engagement/talents",
    {
      config: manage,
      schema: exportable({
        tags,
        summary:
          "The talent pool of the caller's scope; q matches skills, their pinyin or initials, or a name",
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
            underId: Type.Optional(Uuid),
            active: Type.Optional(Type.Boolean()),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(TalentItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, talentSheet, (paging) =>
        listTalents(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/engagement/talents/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "One talent with the whole phone number (the read is logged)",
        params: IdParams,
        response: responses({ 200: TalentItem }),
      },
    },
    (req) => getTalent(db, principalOf(req), req.actor, req.params.id),
  );

  app.patch(
    "/engagement/talents/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Change a talent's entry; active=false takes him off the pool",
        params: IdParams,
        body: Type.Partial(
          Type.Object({ ...talentFields, active: Type.Boolean() }, { additionalProperties: false }),
        ),
        response: responses({ 200: Id }),
      },
    },
    (req) => updateTalent(db, principalOf(req), req.actor, req.params.id, req.body),
  );
}
