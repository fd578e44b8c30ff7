import { type TSchema, Type } from "@sinclair/typebox";
import { principalOf } from "../../platform/auth/index.ts";
import { badRequest } from "../../platform/errors.ts";
import { exportable, listOrExport, sendXlsx, wantsXlsx } from "../../platform/http/export.ts";
import { Paged, PageQuery, type Paging } from "../../platform/http/paging.ts";
import { type App, Enum, IdParams, Nullable, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { getHousehold, listHouseholds, listPartyMembers, listStaff } from "./directory.ts";
import { getResident, listResidents } from "./residents.ts";
import {
  householdSheet,
  partyMemberSheet,
  residentSheet,
  revealedResidentSheet,
  staffSheet,
} from "./sheets.ts";
import { MEMBER_CATEGORIES, RELATIONS, RESIDENCE_TYPES, STAFF_ROLES } from "./tables.ts";
import { createResident, revealForExport, revealResident } from "./write.ts";

const tags = ["people"];
const Query = Type.String({
  minLength: 1,
  maxLength: 50,
  description: "name, 11-digit phone or whole 身份证 number",
});
const Filters = <T extends Record<string, TSchema>>(props: T) =>
  Type.Object({ ...props, underId: Type.Optional(Uuid), ...PageQuery }, { additionalProperties: false });
const read = { access: { permission: "people.read" as const } };

const Resident = Type.Object({
  id: Uuid,
  householdId: Uuid,
  name: Type.String(),
  gender: Enum(["male", "female"]),
  age: Type.Integer({
    description: "the age, not the birth date: beside the masked number it would give it back",
  }),
  idNumber: Type.String({ description: "masked: 36**************34" }),
  phone: Nullable(Type.String({ description: "masked: 138****0001" })),
  relation: Enum(RELATIONS),
  residenceType: Enum(RESIDENCE_TYPES),
  address: Type.String(),
});
const Household = Type.Object({
  id: Uuid,
  nodeId: Uuid,
  address: Type.String(),
  members: Type.Integer(),
  head: Nullable(Type.String()),
});
const Member = Type.Object({
  id: Uuid,
  residentId: Uuid,
  name: Type.String(),
  gender: Enum(["male", "female"]),
  age: Type.Integer(),
  phone: Nullable(Type.String()),
  category: Enum(MEMBER_CATEGORIES),
  orgId: Uuid,
  workUnitId: Nullable(Uuid),
  joinedOn: Nullable(Type.String()),
});
const Staff = Type.Object({
  id: Uuid,
  role: Enum(STAFF_ROLES),
  nodeId: Uuid,
  name: Type.String(),
  phone: Type.String(),
  duty: Nullable(Enum(["A", "B"])),
  employment: Enum(["fullTime", "partTime"]),
  partTimeKind: Nullable(Type.String()),
  households: Nullable(Type.Integer({ description: "liaisons: households served (1+1带N)" })),
  photoId: Nullable(Type.String({ description: "the contact card's photo: GET /api/v1/files/{photoId}" })),
  duties: Nullable(Type.String({ description: "the contact card's sentence of duties (亮职责)" })),
});

export function peopleRoutes(app: App, { db, pii: vault }: ModuleContext) {
  app.get(
    "/people/households",
    {
      config: read,
      schema: exportable({
        tags,
        summary: "Households in scope, found by address",
        querystring: Filters({ q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }),
        response: responses({ 200: Paged(Household) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, householdSheet, (paging) =>
        listHouseholds(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/people/households/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "A household and its residents (masked)",
        params: IdParams,
        response: responses({
          200: Type.Object({
            id: Uuid,
            nodeId: Uuid,
            address: Type.String(),
            residents: Type.Array(Resident),
          }),
        }),
      },
    },
    (req) => getHousehold(db, vault, principalOf(req), req.params.id),
  );

  app.get(
    "/people/residents",
    {
      config: read,
      schema: exportable({
        tags,
        summary: "Residents in scope, sorted by pinyin; q finds a name, a phone or an exact 身份证 number",
        description:
          "With format=xlsx&reveal=true&purpose=…, people.reveal holders export whole 身份证 numbers, phones and birth dates; every value is logged.",
        querystring: Filters({
          q: Type.Optional(Query),
          householdId: Type.Optional(Uuid),
          gender: Type.Optional(Enum(["male", "female"])),
          residenceType: Type.Optional(Enum(RESIDENCE_TYPES)),
          reveal: Type.Optional(Type.Boolean({ description: "export only: whole ID numbers and phones" })),
          purpose: Type.Optional(
            Type.String({ minLength: 2, maxLength: 200, description: "why, with reveal" }),
          ),
        }),
        response: responses({ 200: Paged(Resident) }),
      }),
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const list = (paging: Required<Paging>) =>
        listResidents(db, vault, principal, { ...req.query, ...paging });
      if (!req.query.reveal) return listOrExport(req, reply, residentSheet, list);
      if (!wantsXlsx(req)) throw badRequest("REVEAL_EXPORT_ONLY");
      const reveal = await revealForExport(db, vault, principal, req.actor, req.query, req.query.purpose);
      return sendXlsx(req, reply, revealedResidentSheet, async (paging) => {
        const page = await list(paging);
        return { ...page, items: await reveal(page.items) };
      });
    },
  );

  app.get(
    "/people/residents/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "A resident (masked)",
        params: IdParams,
        response: responses({ 200: Resident }),
      },
    },
    (req) => getResident(db, principalOf(req), req.params.id),
  );

  app.post(
    "/people/residents",
    {
      config: { access: { permission: "people.write" } },
      schema: {
        tags,
        summary: "Register a resident in a household; gender and birth date come from the 身份证 number",
        body: Type.Object(
          {
            householdId: Uuid,
            name: Type.String({ minLength: 1, maxLength: 50 }),
            idNumber: Type.String({ minLength: 15, maxLength: 20 }),
            phone: Type.Optional(Type.String({ minLength: 11, maxLength: 20 })),
            relation: Enum(RELATIONS),
            residenceType: Enum(RESIDENCE_TYPES),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Resident }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createResident(db, vault, principalOf(req), req.actor, req.body)),
  );

  app.post(
    "/people/residents/:id/reveal",
    {
      config: { access: { permission: "people.reveal" }, scope: "reveal" },
      schema: {
        tags,
        summary: "The unmasked 身份证 number and phone for a stated purpose (logged)",
        params: IdParams,
        body: Type.Object(
          { purpose: Type.String({ minLength: 2, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({ idNumber: Type.String(), phone: Nullable(Type.String()) }),
        }),
      },
    },
    (req) => revealResident(db, vault, principalOf(req), req.actor, req.params.id, req.body.purpose),
  );

  app.get(
    "/people/party-members",
    {
      config: read,
      schema: exportable({
        tags,
        summary: "Party members in scope by category and organisation",
        querystring: Filters({
          q: Type.Optional(Query),
          category: Type.Optional(Enum(MEMBER_CATEGORIES)),
          orgId: Type.Optional(Uuid),
        }),
        response: responses({ 200: Paged(Member) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, partyMemberSheet, (paging) =>
        listPartyMembers(db, vault, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/people/staff",
    {
      config: read,
      schema: exportable({
        tags,
        summary: "Grid leaders and workers, building and entrance heads, liaisons",
        querystring: Filters({
          role: Type.Optional(Enum(STAFF_ROLES)),
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
        }),
        response: responses({ 200: Paged(Staff) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, staffSheet, (paging) =>
        listStaff(db, principal, { ...req.query, ...paging }),
      );
    },
  );
}
