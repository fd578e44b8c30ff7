import { Type } from "@sinclair/typebox";
import type { Config } from "../../config.ts";
import { principalOf, ROLES, SESSION_COOKIE } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { Paged } from "../../platform/http/paging.ts";
import { type App, IdParams, responses, Uuid } from "../../platform/http/types.ts";
import * as accounts from "./service.ts";

const User = Type.Object({
  id: Uuid,
  phone: Type.String(),
  name: Type.String(),
  roles: Type.Array(
    Type.Object({
      role: Type.Union(ROLES.map((r) => Type.Literal(r))),
      nodeId: Uuid,
      nodeName: Type.String(),
      nodeCode: Type.String(),
      nodeLevel: Type.String(),
    }),
  ),
});
const Token = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String({ format: "date-time" }),
  expiresAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});
const tags = ["auth"];

export function accountsRoutes(app: App, db: Db, config: Config) {
  app.post(
    "/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Log in with phone and password; sets an HTTP-only session cookie",
        body: Type.Object(
          {
            phone: Type.String({
              pattern: "^1[3-9][0-9]{9}$",
              maxLength: 11,
              description: "mainland mobile number",
            }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ user: User }) }),
      },
    },
    async (req, reply) => {
      const { secret, user, expiresAt } = await accounts.login(db, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers["user-agent"],
      });
      reply.setCookie(SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: config.secureCookies,
        expires: expiresAt,
      });
      return { user };
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "End the current session", response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await accounts.logout(db, principalOf(req), req.actor);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/auth/me",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "The caller and his roles",
        response: responses({ 200: Type.Object({ user: User }) }),
      },
    },
    async (req) => ({ user: accounts.presentUser(principalOf(req)) }),
  );

  app.post(
    "/auth/tokens",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Issue a bearer token for an API client (the token is shown only in this answer)",
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Composite([Token, Type.Object({ token: Type.String() })]) }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await accounts.createToken(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/auth/tokens",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "The caller's tokens", response: responses({ 200: Paged(Token) }) },
    },
    (req) => accounts.listTokens(db, principalOf(req)),
  );

  app.delete(
    "/auth/tokens/:id",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Revoke a token", params: IdParams, response: responses({ 200: Token }) },
    },
    (req) => accounts.revokeToken(db, principalOf(req), req.actor, req.params.id),
  );
}
