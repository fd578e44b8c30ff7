import { Type } from "@sinclair/typebox";
import { principalOf } from "../../platform/auth/index.ts";
import { FileId, PhotoIds } from "../../platform/files/index.ts";
import { exportable, listOrExport } from "../../platform/http/export.ts";
import { Paged, PageQuery } from "../../platform/http/paging.ts";
import { type App, Enum, IdParams, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { claimUnits, claimWish } from "./claim.ts";
import { postWish } from "./post.ts";
import { Moved, MyWish, Posted, Stats, WishDetail, WishItem } from "./schemas.ts";
import { getWish, listWishes, myWishes } from "./service.ts";
import { wishSheet } from "./sheets.ts";
import { STATS_BY, wishStats } from "./stats.ts";
import { wishStep } from "./steps.ts";
import { WISH_CATEGORIES, WISH_STATUSES, WISHER_KINDS } from "./tables.ts";

const tags = ["wishes"];
const signedIn = { access: "authenticated" as const };
/** Some text, not only spaces. */
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });
const Body = <P extends Parameters<typeof Type.Object>[0]>(props: P) =>
  Type.Object(props, { additionalProperties: false });
const IdOrCode = Type.Object(
  { idOrCode: Type.String({ minLength: 1, maxLength: 40, pattern: "^[A-Za-z0-9-]+$" }) },
  { additionalProperties: false },
);
const Time = Type.String({ format: "date-time", maxLength: 40 });

/** 微心愿 for signed-in people: posting, the staff list and figures, one's own wishes, and the steps. */
export function wishesRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/wishes",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "Post a wish: anyone signed in for himself (at his home node), or staff for someone without an account",
        body: Body({
          title: Text(60),
          description: Type.Optional(Type.String({ maxLength: 1000 })),
          category: Enum(WISH_CATEGORIES),
          wisherKind: Type.Optional(Enum(WISHER_KINDS)),
          photos: Type.Optional(
            Type.Array(FileId, { maxItems: 3, description: "ids from POST /api/v1/files" }),
          ),
          nodeId: Type.Optional(Uuid),
          wisherName: Type.Optional(Text(50)),
          wisherPhone: Type.Optional(Type.String({ minLength: 11, maxLength: 20 })),
        }),
        response: responses({ 201: Posted }),
      },
    },
    async (req, reply) => reply.status(201).send(await postWish(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/wishes",
    {
      config: { access: { permission: "wishes.review" } },
      schema: exportable({
        tags,
        summary: "Wishes of the caller's review scope, newest first, filtered",
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Array(Enum(WISH_STATUSES), { maxItems: 7 })),
            category: Type.Optional(Enum(WISH_CATEGORIES)),
            underId: Type.Optional(Uuid),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(WishItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, wishSheet, (paging) =>
        listWishes(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/wishes/mine",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "My wishes: those I made (as=wisher, the default) or claimed (as=claimer), with my actions; status narrows them",
        querystring: Type.Object(
          {
            as: Type.Optional(Enum(["wisher", "claimer"] as const)),
            status: Type.Optional(Type.Array(Enum(WISH_STATUSES), { maxItems: 7 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(MyWish) }),
      },
    },
    (req) => myWishes(db, principalOf(req), req.query),
  );

  app.get(
    "/wishes/stats",
    {
      config: { access: { permission: "wishes.review" } },
      schema: {
        tags,
        summary:
          "Per community or category: posted, published, claimed, fulfilled, confirmed; days to claim and to confirm",
        querystring: Type.Object(
          { by: Type.Optional(Enum(STATS_BY)), from: Type.Optional(Time), to: Type.Optional(Time) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Stats }),
      },
    },
    (req) => wishStats(db, principalOf(req), { ...req.query, by: req.query.by ?? "community" }),
  );

  app.get(
    "/wishes/claim-units",
    {
      config: { access: { permission: "wishes.claim" } },
      schema: {
        tags,
        summary: "The units the caller may claim a wish for (his work unit), besides himself",
        response: responses({
          200: Type.Object({ items: Type.Array(Type.Object({ id: Uuid, name: Type.String() })) }),
        }),
      },
    },
    async (req) => ({ items: await claimUnits(db, principalOf(req)) }),
  );

  app.get(
    "/wishes/:idOrCode",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "A wish with its timeline and the caller's allowed actions (reviewers in scope, wisher, claimer)",
        params: IdOrCode,
        response: responses({ 200: WishDetail }),
      },
    },
    (req) => getWish(db, principalOf(req), req.actor, req.params.idOrCode),
  );

  app.post(
    "/wishes/:id/review",
    {
      config: { access: { permission: "wishes.review" } },
      schema: {
        tags,
        summary: "Approve a pending wish to the wall, or reject it with a reason (note)",
        params: IdParams,
        body: Body({ approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: responses({ 200: Moved }),
      },
    },
    (req) =>
      wishStep(db, principalOf(req), req.actor, req.params.id, req.body.approve ? "approve" : "reject", {
        note: req.body.note,
      }),
  );

  app.post(
    "/wishes/:id/claim",
    {
      config: { access: { permission: "wishes.claim" } },
      schema: {
        tags,
        summary:
          "Claim a published wish, for oneself or one's work unit; a wish already taken is 409 WISH_TAKEN",
        params: IdParams,
        body: Body({ unitId: Type.Optional(Uuid) }),
        response: responses({ 200: Moved }),
      },
    },
    (req) => claimWish(db, principalOf(req), req.actor, req.params.id, req.body ?? {}),
  );

  app.post(
    "/wishes/:id/fulfil",
    {
      config: { access: { permission: "wishes.claim" } },
      schema: {
        tags,
        summary: "The claimer reports the wish fulfilled, with what was done and photos",
        params: IdParams,
        body: Body({ note: Text(1000), photos: Type.Optional(PhotoIds) }),
        response: responses({ 200: Moved }),
      },
    },
    (req) => wishStep(db, principalOf(req), req.actor, req.params.id, "fulfil", req.body),
  );

  app.post(
    "/wishes/:id/confirm",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "The wisher (or the community on his behalf) confirms the wish came true, with optional thanks",
        params: IdParams,
        body: Body({ thanks: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: responses({ 200: Moved }),
      },
    },
    (req) => wishStep(db, principalOf(req), req.actor, req.params.id, "confirm", req.body ?? {}),
  );

  for (const action of ["release", "withdraw"] as const) {
    app.post(
      `/wishes/:id/${action}`,
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            action === "release"
              ? "Give a claimed wish back to the wall (the claimer, or the community)"
              : "The wisher withdraws a wish not yet claimed",
          params: IdParams,
          body: Body({ note: Type.Optional(Type.String({ maxLength: 500 })) }),
          response: responses({ 200: Moved }),
        },
      },
      (req) => wishStep(db, principalOf(req), req.actor, req.params.id, action, req.body ?? {}),
    );
  }
}
