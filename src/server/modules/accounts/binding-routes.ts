import { Type } from "@sinclair/typebox";
import { principalOf } from "../../platform/auth/index.ts";
import { Paged, PageQuery } from "../../platform/http/paging.ts";
import { type App, Enum, IdParams, Nullable, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { decideBinding, listBindings, myBinding, requestBinding } from "./bindings.ts";
import { BINDING_STATUSES } from "./tables.ts";

const tags = ["accounts"];
const manage = { access: { permission: "accounts.manage" as const } };
const Status = Enum(BINDING_STATUSES);

const Binding = Type.Object({
  id: Uuid,
  name: Type.String(),
  phone: Type.String({ description: "masked" }),
  address: Type.String(),
  community: Type.String(),
  status: Status,
  reason: Nullable(Type.String()),
  createdAt: Type.String({ format: "date-time" }),
});

/** A resident account bound to its household: by the register at once, or by the community. */
export function bindingRoutes(app: App, { db, pii }: ModuleContext) {
  app.post(
    "/me/household-binding",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Ask to be bound to my household",
        description:
          "Bound at once when the name and 身份证 number match the register; otherwise the community confirms. The answer never tells whether a number is registered.",
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 50 }),
            idNumber: Type.Optional(Type.String({ maxLength: 18 })),
            communityId: Uuid,
            address: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Object({ id: Uuid, status: Status }) }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await requestBinding(db, pii, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/me/household-binding",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "My latest binding request",
        response: responses({
          200: Type.Object({
            binding: Nullable(
              Type.Object({
                id: Uuid,
                status: Status,
                name: Type.String(),
                address: Type.String(),
                reason: Nullable(Type.String()),
                createdAt: Type.String({ format: "date-time" }),
              }),
            ),
          }),
        }),
      },
    },
    (req) => myBinding(db, principalOf(req)),
  );

  app.get(
    "/accounts/bindings",
    {
      config: manage,
      schema: {
        tags,
        summary: "Residents asking to be bound to a household in my area (pending first)",
        querystring: Type.Object(
          { status: Type.Optional(Status), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(Binding) }),
      },
    },
    (req) => listBindings(db, principalOf(req), req.query),
  );

  app.post(
    "/accounts/bindings/:id/confirm",
    {
      config: manage,
      schema: {
        tags,
        summary: "Confirm a request: bind the account to this household",
        params: IdParams,
        body: Type.Object({ householdId: Uuid }, { additionalProperties: false }),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await decideBinding(db, principalOf(req), req.actor, req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/accounts/bindings/:id/reject",
    {
      config: manage,
      schema: {
        tags,
        summary: "Turn down a request, saying why (he is told)",
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await decideBinding(db, principalOf(req), req.actor, req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
}
