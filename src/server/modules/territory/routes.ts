import { Type } from "@sinclair/typebox";
import { principalOf } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { Paged, PageQuery } from "../../platform/http/paging.ts";
import { type App, IdParams, responses, Uuid } from "../../platform/http/types.ts";
import * as territory from "./service.ts";
import { TERRITORY_LEVELS } from "./tables.ts";

const Level = Type.Union(TERRITORY_LEVELS.map((l) => Type.Literal(l)));
const Node = Type.Object({
  id: Uuid,
  parentId: Type.Union([Uuid, Type.Null()]),
  level: Level,
  code: Type.String(),
  name: Type.String(),
  path: Type.String(),
});
const Code = Type.String({ minLength: 1, maxLength: 40, pattern: "^[A-Za-z0-9][A-Za-z0-9_-]*$" });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const tags = ["territory"];

export function territoryRoutes(app: App, db: Db) {
  app.get(
    "/territory/nodes",
    {
      config: { access: { permission: "territory.read" } },
      schema: {
        tags,
        summary: "Nodes in scope: the children of parentId, or the roots of the caller's scope",
        querystring: Type.Object(
          { parentId: Type.Optional(Uuid), level: Type.Optional(Level), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(Node) }),
      },
    },
    (req) => territory.listNodes(db, principalOf(req), req.query),
  );

  app.get(
    "/territory/nodes/:id",
    {
      config: { access: { permission: "territory.read" } },
      schema: {
        tags,
        summary: "One node (404 outside the caller's scope)",
        params: IdParams,
        response: responses({ 200: Node }),
      },
    },
    (req) => territory.getNode(db, principalOf(req), req.params.id),
  );

  app.post(
    "/territory/nodes",
    {
      config: { access: { permission: "territory.write" } },
      schema: {
        tags,
        summary: "Add a node under a parent in the caller's scope",
        body: Type.Object(
          { parentId: Uuid, level: Level, code: Code, name: Name },
          { additionalProperties: false },
        ),
        response: responses({ 201: Node }),
      },
    },
    async (req, reply) => {
      const node = await territory.createNode(db, principalOf(req), req.actor, req.body);
      return reply.status(201).send(node);
    },
  );

  app.patch(
    "/territory/nodes/:id",
    {
      config: { access: { permission: "territory.write" } },
      schema: {
        tags,
        summary: "Rename a node",
        params: IdParams,
        body: Type.Object({ name: Name }, { additionalProperties: false }),
        response: responses({ 200: Node }),
      },
    },
    (req) => territory.renameNode(db, principalOf(req), req.actor, req.params.id, req.body),
  );
}
