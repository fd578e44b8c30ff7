import { Type } from "@sinclair/typebox";
import type { FastifyReply } from "fastify";
import type { Config } from "../../config.ts";
import { principalOf, ROLES, SESSION_COOKIE, TOKEN_SCOPES } from "../../platform/auth/index.ts";
import { Paged } from "../../platform/http/paging.ts";
import { type App, Enum, IdParams, Nullable, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import * as accounts from "./service.ts";
import * as tokens from "./tokens.ts";

export const User = Type.Object({
  id: Uuid,
  phone: Type.String(),
  name: Type.String(),
  mustChangePassword: Type.Boolean(),
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
const Scopes = Type.Array(Enum(TOKEN_SCOPES), {
  minItems: 1,
  uniqueItems: true,
  description:
    "read: GET; write: other methods; open311: filing Open311 requests; reveal: unmasked personal data",
});
const Token = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  scopes: Scopes,
  parentTokenId: Nullable(Uuid),
  createdAt: Type.String({ format: "date-time" }),
  expiresAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});
const tags = ["auth"];

export const MobilePhone = Type.String({
  pattern: "^1[3-9][0-9]{9}$",
  maxLength: 11,
  description: "mainland mobile number",
});

export function setSessionCookie(reply: FastifyReply, config: Config, secret: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config.secureCookies,
    expires: expiresAt,
  });
}

export function accountsRoutes(app: App, { db, config }: ModuleContext) {
  app.post(
    "/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Log in with phone and password; sets an HTTP-only session cookie",
        body: Type.Object(
          {
            phone: MobilePhone,
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
      setSessionCookie(reply, config, secret, expiresAt);
      return { user };
    },
  );

  app.post(
    "/auth/logout",
    {
      // Ending one's own credential needs no scope, a read-only token included.
      config: { access: "authenticated", scope: "any", temporaryPassword: "allowed" },
      schema: {
        tags,
        summary: "End the current session, or revoke the bearer token; tokens made with it end too",
        response: { 204: Type.Null() },
      },
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
      config: { access: "authenticated", temporaryPassword: "allowed" },
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
        description:
          "Scopes default to read and write. Made with a token, a token has at most its scopes and expires no later (by default: the same).",
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
            scopes: Type.Optional(Scopes),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Composite([Token, Type.Object({ token: Type.String() })]) }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await tokens.createToken(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/auth/tokens",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "The caller's tokens", response: responses({ 200: Paged(Token) }) },
    },
    (req) => tokens.listTokens(db, principalOf(req)),
  );

  app.delete(
    "/auth/tokens/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Revoke a token and the tokens made with it",
        params: IdParams,
        response: responses({ 200: Token }),
      },
    },
    (req) => tokens.revokeToken(db, principalOf(req), req.actor, req.params.id),
  );
}
