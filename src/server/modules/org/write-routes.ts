import { Type } from "@sinclair/typebox";
import { principalOf } from "../../platform/auth/index.ts";
import { type App, Enum, IdParams, Nullable, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { addKind, changeKind, listKinds } from "./kinds.ts";
import { Org, Unit } from "./routes.ts";
import { UNIT_KINDS } from "./tables.ts";
import {
  addPartTimeMember,
  createUnit,
  removePartTimeMember,
  updatePartTimeMember,
  updateUnit,
} from "./units-write.ts";
import { closeOrg, createOrg, moveOrg, updateOrg } from "./write.ts";

const tags = ["org"];
const write = { access: { permission: "org.write" as const } };
const Name = Type.String({ minLength: 1, maxLength: 100 });
const KindCode = Type.String({ minLength: 1, maxLength: 40 });
const Kind = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
});
const Phone = Nullable(Type.String({ maxLength: 20 }));
const Uscc = Nullable(Type.String({ maxLength: 30, description: "统一社会信用代码, 18 characters" }));
const PartTime = {
  unitId: Uuid,
  name: Type.String({ minLength: 1, maxLength: 50 }),
  phone: Type.Optional(Phone),
  position: Type.String({ minLength: 1, maxLength: 50 }),
};
const Id = Type.Object({ id: Uuid });

/** Editing the tree, its kinds, the units and the 大党委's part-time members. */
export function orgWriteRoutes(app: App, { db, hooks }: ModuleContext) {
  app.get(
    "/org/kinds",
    {
      config: { access: { permission: "org.read" } },
      schema: {
        tags,
        summary: "The kinds of party organisation, inactive ones too, with how many organisations use each",
        response: responses({
          200: Type.Object({
            items: Type.Array(Type.Composite([Kind, Type.Object({ orgs: Type.Integer() })])),
            total: Type.Integer(),
          }),
        }),
      },
    },
    () => listKinds(db),
  );

  app.post(
    "/org/kinds",
    {
      config: write,
      schema: {
        tags,
        summary: "A kind of the district's own (行业党委, 临时党支部 …); district level only",
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 30 }),
            nameEn: Type.Optional(Type.String({ maxLength: 60 })),
            sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Kind }),
      },
    },
    async (req, reply) => reply.status(201).send(await addKind(db, principalOf(req), req.actor, req.body)),
  );

  app.patch(
    "/org/kinds/:code",
    {
      config: write,
      schema: {
        tags,
        summary: "Rename, reorder, deactivate (active: false) or reactivate a kind; district level only",
        params: Type.Object({ code: KindCode }, { additionalProperties: false }),
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
            nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
            sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Kind }),
      },
    },
    (req) => changeKind(db, principalOf(req), req.actor, req.params.code, req.body),
  );

  app.post(
    "/org/orgs",
    {
      config: write,
      schema: {
        tags,
        summary: "A new party organisation under a parent (or at the top), laid over a territory node",
        body: Type.Object(
          {
            parentId: Type.Optional(Nullable(Uuid)),
            kind: KindCode,
            name: Name,
            nodeId: Uuid,
            unitId: Type.Optional(Nullable(Uuid)),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Org }),
      },
    },
    async (req, reply) => reply.status(201).send(await createOrg(db, principalOf(req), req.actor, req.body)),
  );

  app.patch(
    "/org/orgs/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Rename an organisation, or change its kind, territory node or unit",
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            kind: Type.Optional(KindCode),
            nodeId: Type.Optional(Uuid),
            unitId: Type.Optional(Nullable(Uuid)),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Org }),
      },
    },
    (req) => updateOrg(db, principalOf(req), req.actor, req.params.id, req.body),
  );

  app.post(
    "/org/orgs/:id/move",
    {
      config: write,
      schema: {
        tags,
        summary: "Move an organisation and its whole subtree under another parent (null: to the top)",
        params: IdParams,
        body: Type.Object({ parentId: Nullable(Uuid) }, { additionalProperties: false }),
        response: responses({ 200: Org }),
      },
    },
    (req) => moveOrg(db, principalOf(req), req.actor, req.params.id, req.body.parentId),
  );

  app.delete(
    "/org/orgs/:id",
    {
      config: write,
      schema: {
        tags,
        summary:
          "Close (撤销) an organisation: only one without sub-organisations, party members or part-time members (else 409 with the counts)",
        params: IdParams,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (req, reply) => {
      const partyMembersIn = hooks.partyMembersIn;
      if (!partyMembersIn) throw new Error("the people module provides partyMembersIn");
      await closeOrg(db, principalOf(req), req.actor, req.params.id, partyMembersIn);
      return reply.status(204).send(null);
    },
  );

  const UnitBody = {
    kind: Enum(UNIT_KINDS),
    name: Name,
    uscc: Type.Optional(Uscc),
    nodeId: Uuid,
    contactName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    contactPhone: Type.Optional(Phone),
  };

  app.post(
    "/org/units",
    {
      config: write,
      schema: {
        tags,
        summary: "A unit, property company or owners' committee; a bad 统一社会信用代码 is 422 INVALID_USCC",
        body: Type.Object(UnitBody, { additionalProperties: false }),
        response: responses({ 201: Unit }),
      },
    },
    async (req, reply) => reply.status(201).send(await createUnit(db, principalOf(req), req.actor, req.body)),
  );

  app.patch(
    "/org/units/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Edit a unit; what is not given stays",
        params: IdParams,
        body: Type.Partial(Type.Object(UnitBody), { additionalProperties: false }),
        response: responses({ 200: Unit }),
      },
    },
    (req) => updateUnit(db, principalOf(req), req.actor, req.params.id, req.body),
  );

  app.post(
    "/org/orgs/:id/part-time-members",
    {
      config: write,
      schema: {
        tags,
        summary: "A part-time member (兼职委员) a unit sends to the organisation's 大党委",
        params: IdParams,
        body: Type.Object(PartTime, { additionalProperties: false }),
        response: responses({ 201: Id }),
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await addPartTimeMember(db, principalOf(req), req.actor, req.params.id, req.body)),
  );

  app.patch(
    "/org/part-time-members/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Edit a part-time member",
        params: IdParams,
        body: Type.Partial(Type.Object(PartTime), { additionalProperties: false }),
        response: responses({ 200: Id }),
      },
    },
    (req) => updatePartTimeMember(db, principalOf(req), req.actor, req.params.id, req.body),
  );

  app.delete(
    "/org/part-time-members/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Remove a part-time member from the 大党委",
        params: IdParams,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (req, reply) => {
      await removePartTimeMember(db, principalOf(req), req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
