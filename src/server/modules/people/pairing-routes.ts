import { Type } from "@sinclair/typebox";
import { principalOf } from "../../platform/auth/index.ts";
import { type App, Enum, IdParams, Nullable, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import {
  householdPairs,
  liaisonHouseholdList,
  memberHouseholdList,
  pairLiaison,
  pairMember,
  unpairLiaison,
  unpairMember,
} from "./pairing.ts";
import { MEMBER_PAIRING_KINDS } from "./tables.ts";

const tags = ["people"];
const read = { access: { permission: "people.read" as const } };
const write = { access: { permission: "people.write" as const } };
const PairParams = Type.Object({ id: Uuid, householdId: Uuid }, { additionalProperties: false });
const Kind = Enum(MEMBER_PAIRING_KINDS);
const Paired = Type.Object({ householdId: Uuid, created: Type.Boolean() });

/** 结对包户: party members (包保 / 1+1带N) and liaisons paired with households. */
export function pairingRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/people/party-members/:id/households",
    {
      config: read,
      schema: {
        tags,
        summary: "The households a party member serves (包保 or 1+1带N)",
        params: IdParams,
        response: responses({
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                householdId: Uuid,
                address: Type.String(),
                kind: Kind,
                since: Type.String({ format: "date-time" }),
              }),
            ),
            total: Type.Integer(),
          }),
        }),
      },
    },
    (req) => memberHouseholdList(db, principalOf(req), req.params.id),
  );

  app.post(
    "/people/party-members/:id/households",
    {
      config: write,
      schema: {
        tags,
        summary: "Pair a party member with a household, or change the kind of an existing pairing",
        params: IdParams,
        body: Type.Object({ householdId: Uuid, kind: Kind }, { additionalProperties: false }),
        response: responses({ 201: Type.Composite([Paired, Type.Object({ kind: Kind })]) }),
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await pairMember(
            db,
            principalOf(req),
            req.actor,
            req.params.id,
            req.body.householdId,
            req.body.kind,
          ),
        ),
  );

  app.delete(
    "/people/party-members/:id/households/:householdId",
    {
      config: write,
      schema: {
        tags,
        summary: "End a party member's pairing with a household",
        params: PairParams,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (req, reply) => {
      await unpairMember(db, principalOf(req), req.actor, req.params.id, req.params.householdId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/people/staff/:id/households",
    {
      config: read,
      schema: {
        tags,
        summary: "The households a liaison (联户长) links",
        params: IdParams,
        response: responses({
          200: Type.Object({
            items: Type.Array(Type.Object({ householdId: Uuid, address: Type.String() })),
            total: Type.Integer(),
          }),
        }),
      },
    },
    (req) => liaisonHouseholdList(db, principalOf(req), req.params.id),
  );

  app.post(
    "/people/staff/:id/households",
    {
      config: write,
      schema: {
        tags,
        summary: "Pair a liaison with a household (422 NOT_A_LIAISON for other staff)",
        params: IdParams,
        body: Type.Object({ householdId: Uuid }, { additionalProperties: false }),
        response: responses({ 201: Paired }),
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await pairLiaison(db, principalOf(req), req.actor, req.params.id, req.body.householdId)),
  );

  app.delete(
    "/people/staff/:id/households/:householdId",
    {
      config: write,
      schema: {
        tags,
        summary: "End a liaison's pairing with a household",
        params: PairParams,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (req, reply) => {
      await unpairLiaison(db, principalOf(req), req.actor, req.params.id, req.params.householdId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/people/households/:id/pairs",
    {
      config: read,
      schema: {
        tags,
        summary: "Who serves a household: its paired party members and liaisons",
        params: IdParams,
        response: responses({
          200: Type.Object({
            householdId: Uuid,
            address: Type.String(),
            members: Type.Array(
              Type.Object({
                memberId: Uuid,
                name: Type.String(),
                phone: Nullable(Type.String()),
                kind: Kind,
              }),
            ),
            liaisons: Type.Array(Type.Object({ staffId: Uuid, name: Type.String(), phone: Type.String() })),
          }),
        }),
      },
    },
    (req) => householdPairs(db, principalOf(req), req.params.id),
  );
}
