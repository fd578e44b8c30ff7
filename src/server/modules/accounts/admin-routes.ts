import { Type } from "@sinclair/typebox";
import { principalOf, ROLES } from "../../platform/auth/index.ts";
import { Paged, PageQuery } from "../../platform/http/paging.ts";
import { type App, Enum, IdParams, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { createAccount, listAccounts, resetPassword, updateAccount } from "./admin.ts";
import { MobilePhone } from "./routes.ts";

const tags = ["accounts"];
const manage = { access: { permission: "accounts.manage" as const } };
const Grants = Type.Array(Type.Object({ role: Enum(ROLES), nodeId: Uuid }, { additionalProperties: false }), {
  maxItems: 20,
  description: "each role bound to a territory node: its scope is the node's subtree",
});
const Name = Type.String({ minLength: 1, maxLength: 50 });
const Password = Type.String({
  minLength: 1,
  maxLength: 200,
  description: "temporary: changed at first sign-in",
});

const Account = Type.Object({
  id: Uuid,
  name: Type.String(),
  phone: Type.String({ description: "masked" }),
  active: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  createdAt: Type.String({ format: "date-time" }),
  roles: Type.Array(
    Type.Object({ role: Enum(ROLES), nodeId: Uuid, nodeName: Type.String(), nodeLevel: Type.String() }),
  ),
});

/** Accounts administered from the pages: roles at or below one's node, permissions one holds. */
export function accountAdminRoutes(app: App, { db, hooks }: ModuleContext) {
  app.post(
    "/accounts",
    {
      config: manage,
      schema: {
        tags,
        summary: "Open an account with roles bound to nodes; with a password it is temporary",
        description:
          "Without a password the person signs in with an SMS code. Only roles in the caller's scope whose permissions the caller holds.",
        body: Type.Object(
          {
            phone: MobilePhone,
            name: Name,
            password: Type.Optional(Password),
            roles: Grants,
            departmentId: Type.Optional(Uuid),
            unitId: Type.Optional(
              Type.String({ format: "uuid", description: "unit staff: the unit they act for" }),
            ),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Object({ id: Uuid }) }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createAccount(db, hooks, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/accounts",
    {
      config: manage,
      schema: {
        tags,
        summary: "Accounts with a role in my scope, by name",
        querystring: Type.Object(
          {
            q: Type.Optional(
              Type.String({ maxLength: 50, description: "part of the name, or the whole phone" }),
            ),
            role: Type.Optional(Enum(ROLES)),
            active: Type.Optional(Type.Boolean()),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(Account) }),
      },
    },
    (req) => listAccounts(db, principalOf(req), req.query),
  );

  app.patch(
    "/accounts/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Rename, change roles, deactivate or reactivate an account",
        description: "Deactivation and a change of roles end the account's sessions and tokens at once.",
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            roles: Type.Optional(Grants),
            active: Type.Optional(Type.Boolean()),
            departmentId: Type.Optional(Uuid),
            unitId: Type.Optional(
              Type.String({ format: "uuid", description: "unit staff: the unit they act for" }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await updateAccount(db, hooks, principalOf(req), req.actor, req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/accounts/:id/password",
    {
      config: manage,
      schema: {
        tags,
        summary: "Give an account a temporary password (he changes it at sign-in); his sessions end",
        params: IdParams,
        body: Type.Object({ password: Password }, { additionalProperties: false }),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await resetPassword(db, principalOf(req), req.actor, req.params.id, req.body.password);
      return reply.status(204).send(null);
    },
  );
}
