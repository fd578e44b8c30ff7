import { Type } from "@sinclair/typebox";
import { eq } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import { principalOf } from "../../platform/auth/index.ts";
import { AppError } from "../../platform/errors.ts";
import { type App, responses } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { changeOwnPassword, resetWithCode } from "./passwords.ts";
import { MobilePhone, setSessionCookie, User } from "./routes.ts";
import { openSession } from "./service.ts";
import { sendCode, spendCode } from "./sms-codes.ts";
import { SMS_PURPOSES, users } from "./tables.ts";

const tags = ["auth"];
const Code = Type.String({
  pattern: "^[0-9]{6}$",
  maxLength: 6,
  description: "the 6-digit code of the text message",
});
const NewPassword = Type.String({ minLength: 1, maxLength: 200 });

/** Sign-in by SMS code (residents need no password), and passwords changed or reset. */
export function signInRoutes(app: App, { db, config, sms, wechat }: ModuleContext) {
  /** Opens a session for a phone proven by a code (SMS or WeChat); a new phone becomes an account. */
  async function signInPhone(
    phone: string,
    req: FastifyRequest,
    reply: FastifyReply,
    method: "sms" | "wechat",
  ) {
    // A new phone becomes an account without roles: a resident until bound to his household.
    await db
      .insert(users)
      .values({ phone, name: `居民${phone.slice(-4)}` })
      .onConflictDoNothing({ target: users.phone });
    const [user] = await db.select().from(users).where(eq(users.phone, phone));
    if (!user) throw new AppError("CODE_INVALID", 401);
    if (user.disabled) throw new AppError("ACCOUNT_DISABLED", 403);
    const session = await openSession(db, user, { ip: req.ip, userAgent: req.headers["user-agent"], method });
    setSessionCookie(reply, config, session.secret, session.expiresAt);
    return { user: session.user };
  }

  app.post(
    "/auth/sms/send",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Text a 6-digit code to a phone, for signing in (or, with purpose reset, a new password)",
        description:
          "Limited per phone (one a minute, ten an hour) and per address. A reset code goes only to a phone with an account, but the answer is the same either way.",
        body: Type.Object(
          {
            phone: MobilePhone,
            purpose: Type.Optional(
              Type.Union(
                SMS_PURPOSES.map((p) => Type.Literal(p)),
                { default: "login" },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: responses({ 202: Type.Object({ expiresInSeconds: Type.Integer() }) }),
      },
    },
    async (req, reply) => {
      const { phone, purpose = "login" } = req.body;
      const [user] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
      // Whether a phone has an account is not told: a reset for a stranger's number sends nothing.
      if (purpose === "login" || user) await sendCode(db, sms, { phone, purpose, ip: req.ip });
      return reply.status(202).send({ expiresInSeconds: 300 });
    },
  );

  app.post(
    "/auth/sms/login",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Sign in with the texted code; the first sign-in of a phone creates a resident account",
        body: Type.Object({ phone: MobilePhone, code: Code }, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ user: User }) }),
      },
    },
    async (req, reply) => {
      const { phone, code } = req.body;
      await spendCode(db, { phone, purpose: "login", code });
      return signInPhone(phone, req, reply, "sms");
    },
  );

  app.post(
    "/auth/wechat/login",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Sign in with a WeChat code, where the district has a WeChat provider (501 otherwise)",
        body: Type.Object(
          { code: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ user: User }) }),
      },
    },
    async (req, reply) => {
      if (!wechat) throw new AppError("WECHAT_NOT_CONFIGURED", 501);
      const phone = await wechat.phoneFor(req.body.code);
      if (!phone) throw new AppError("CODE_INVALID", 401);
      return signInPhone(phone, req, reply, "wechat");
    },
  );

  app.post(
    "/auth/password",
    {
      config: { access: "authenticated", temporaryPassword: "allowed" },
      schema: {
        tags,
        summary: "Change my password (a temporary one must be changed first); my other sessions end",
        body: Type.Object(
          { current: Type.String({ minLength: 1, maxLength: 200 }), next: NewPassword },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await changeOwnPassword(db, principalOf(req), req.actor, req.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/auth/password/reset",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Set a new password with a code texted to the account's phone (purpose reset)",
        body: Type.Object(
          { phone: MobilePhone, code: Code, next: NewPassword },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await resetWithCode(db, req.ip, req.body);
      return reply.status(204).send(null);
    },
  );
}
