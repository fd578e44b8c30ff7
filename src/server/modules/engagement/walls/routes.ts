import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { FileId, PhotoIds } from "../../../platform/files/index.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, IdParams, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { listPioneers, namePioneer, removePioneer } from "./pioneers.ts";
import { decidePromise, keepPromise, listPromises, myPromises, writePromise } from "./promises.ts";
import { Moved, MyPromises, PioneerItem, PromiseItem, Text, Year } from "./schemas.ts";
import { PROMISE_STATUSES } from "./tables.ts";

const tags = ["engagement"];
const manage = { access: { permission: "engagement.manage" as const } };
const serve = { access: { permission: "engagement.serve" as const } };
const Body = <P extends Parameters<typeof Type.Object>[0]>(props: P) =>
  Type.Object(props, { additionalProperties: false });

/** 承诺墙 and 先锋墙 (P4): members write and keep promises, the community publishes and names pioneers. */
export function wallRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/engagement/promises",
    {
      config: serve,
      schema: {
        tags,
        summary:
          "A party member writes this year's promise with his photo; one a year (409 PROMISE_EXISTS), again once returned",
        body: Body({ text: Text(300), photoId: FileId }),
        response: responses({ 201: Moved }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await writePromise(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/engagement/promises/mine",
    {
      config: serve,
      schema: {
        tags,
        summary: "The caller's promises, newest year first, and the community whose wall shows them",
        response: responses({ 200: MyPromises }),
      },
    },
    (req) => myPromises(db, principalOf(req)),
  );

  app.get(
    "/engagement/promises",
    {
      config: manage,
      schema: {
        tags,
        summary: "Promises of a year in the caller's scope, those waiting for review first",
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Array(Enum(PROMISE_STATUSES), { maxItems: 3 })),
            year: Type.Optional(Year),
            underId: Type.Optional(Uuid),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(PromiseItem) }),
      },
    },
    (req) => listPromises(db, principalOf(req), req.query),
  );

  app.post(
    "/engagement/promises/:id/publish",
    {
      config: manage,
      schema: {
        tags,
        summary: "The community puts a waiting promise on the wall",
        params: IdParams,
        response: responses({ 200: Moved }),
      },
    },
    (req) => decidePromise(db, principalOf(req), req.actor, req.params.id, "publish"),
  );

  app.post(
    "/engagement/promises/:id/return",
    {
      config: manage,
      schema: {
        tags,
        summary: "The community returns a promise (or takes a published one down) with a reason",
        params: IdParams,
        body: Body({ reason: Text(300) }),
        response: responses({ 200: Moved }),
      },
    },
    (req) => decidePromise(db, principalOf(req), req.actor, req.params.id, "return", req.body.reason),
  );

  app.post(
    "/engagement/promises/:id/keep",
    {
      config: serve,
      schema: {
        tags,
        summary: "The member records how he kept his published promise (践诺), with photos; once",
        params: IdParams,
        body: Body({ note: Text(1000), photos: Type.Optional(PhotoIds) }),
        response: responses({ 200: Moved }),
      },
    },
    (req) => keepPromise(db, principalOf(req), req.actor, req.params.id, req.body),
  );

  app.get(
    "/engagement/pioneers",
    {
      config: manage,
      schema: {
        tags,
        summary: "Pioneers of a year in the caller's scope, with their approved services and hours",
        querystring: Type.Object(
          { year: Type.Optional(Year), underId: Type.Optional(Uuid), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(PioneerItem) }),
      },
    },
    (req) => listPioneers(db, principalOf(req), req.query),
  );

  app.post(
    "/engagement/pioneers",
    {
      config: manage,
      schema: {
        tags,
        summary: "The community names a member living in its area a pioneer of the year (409 PIONEER_EXISTS)",
        body: Body({
          memberId: Uuid,
          citation: Text(300),
          photoId: Type.Optional(FileId),
          year: Type.Optional(Year),
        }),
        response: responses({ 201: Type.Object({ id: Uuid }) }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await namePioneer(db, principalOf(req), req.actor, req.body)),
  );

  app.delete(
    "/engagement/pioneers/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "The community takes a pioneer off the wall",
        params: IdParams,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (req, reply) => {
      await removePioneer(db, principalOf(req), req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
