import { Type } from "@sinclair/typebox";
import { principalOf } from "../../platform/auth/index.ts";
import { ExportQuery, exportable, listOrExport, sendXlsx } from "../../platform/http/export.ts";
import { Paged, PageQuery } from "../../platform/http/paging.ts";
import { type App, Enum, IdParams, Nullable, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { gridsGeoJson, listGrids, locate, setGeometry } from "./geo.ts";
import * as territory from "./service.ts";
import { gridSheet, nodeSheet } from "./sheets.ts";
import { TERRITORY_LEVELS } from "./tables.ts";

const Level = Enum(TERRITORY_LEVELS);
const Node = Type.Object({
  id: Uuid,
  parentId: Nullable(Uuid),
  level: Level,
  code: Type.String(),
  name: Type.String(),
  path: Type.String(),
  gridType: Nullable(Type.String()),
  unitCode: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  address: Nullable(Type.String()),
});
/** GeoJSON geometry: validated by the geo rules, not by the schema, so errors can say where. */
const Geometry = Type.Object(
  { type: Type.String({ maxLength: 20 }), coordinates: Type.Array(Type.Unknown(), { maxItems: 10_000 }) },
  { additionalProperties: false },
);
const NodeDetail = Type.Composite([
  Node,
  Type.Object({
    geometry: Nullable(Type.Unknown()),
    ancestors: Type.Array(Type.Object({ id: Uuid, level: Level, code: Type.String(), name: Type.String() })),
  }),
]);
const Ref = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() });
const Code = Type.String({ minLength: 1, maxLength: 40, pattern: "^[A-Za-z0-9][A-Za-z0-9_-]*$" });
const Name = Type.String({ minLength: 1, maxLength: 100 });
/** A code of GET /territory/grid-types (grids only). */
const GridTypeCode = Type.String({ minLength: 1, maxLength: 40 });
const tags = ["territory"];

export function territoryRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/territory/nodes",
    {
      config: { access: { permission: "territory.read" } },
      schema: exportable({
        tags,
        summary: "Nodes in scope: the children of parentId, or the roots of the caller's scope",
        querystring: Type.Object(
          {
            parentId: Type.Optional(Uuid),
            level: Type.Optional(Level),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(Node) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, nodeSheet, (paging) =>
        territory.listNodes(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/territory/nodes/:id",
    {
      config: { access: { permission: "territory.read" } },
      schema: {
        tags,
        summary: "One node with its polygon and ancestors (404 outside the caller's scope)",
        params: IdParams,
        response: responses({ 200: NodeDetail }),
      },
    },
    (req) => territory.getNodeDetail(db, principalOf(req), req.params.id),
  );

  app.put(
    "/territory/nodes/:id/geometry",
    {
      config: { access: { permission: "territory.write" } },
      schema: {
        tags,
        summary:
          "Set a polygon (GeoJSON Polygon or MultiPolygon, lng/lat); 422 names the broken rule and where",
        params: IdParams,
        body: Geometry,
        response: responses({ 200: Type.Object({ id: Uuid, geometry: Type.Unknown() }) }),
      },
    },
    async (req) => {
      const node = await setGeometry(db, principalOf(req), req.actor, req.params.id, req.body);
      return { id: node.id, geometry: node.geometry };
    },
  );

  app.get(
    "/territory/locate",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "The grid, community and street of a point (WGS84)",
        querystring: Type.Object(
          {
            lat: Type.Number({ minimum: -90, maximum: 90 }),
            lng: Type.Number({ minimum: -180, maximum: 180 }),
          },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            grid: Type.Composite([Ref, Type.Object({ unitCode: Nullable(Type.String()) })]),
            community: Nullable(Ref),
            street: Nullable(Ref),
          }),
        }),
      },
    },
    (req) => locate(db, req.query.lat, req.query.lng),
  );

  app.get(
    "/territory/grids",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary:
          "The grids in scope (non-staff: their own community's); format=geojson gives a FeatureCollection (properties.code, name, type, community), format=xlsx every grid as a spreadsheet",
        querystring: Type.Object(
          {
            format: Type.Optional(Enum(["geojson", "json", "xlsx"] as const)),
            lang: ExportQuery.lang,
            underId: Type.Optional(Uuid),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      if (req.query.format === "geojson") {
        return reply
          .type("application/geo+json; charset=utf-8")
          .send(await gridsGeoJson(db, principal, req.query.underId));
      }
      const { underId } = req.query;
      if (req.query.format === "xlsx")
        return sendXlsx(req, reply, gridSheet, (paging) => listGrids(db, principal, { underId, ...paging }));
      return listGrids(db, principal, { underId, page: req.query.page, pageSize: req.query.pageSize });
    },
  );

  app.post(
    "/territory/nodes",
    {
      config: { access: { permission: "territory.write" } },
      schema: {
        tags,
        summary: "Add a node under a parent in the caller's scope",
        body: Type.Object(
          { parentId: Uuid, level: Level, code: Code, name: Name, gridType: Type.Optional(GridTypeCode) },
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
        summary: "Rename a node, or give a grid another grid type",
        params: IdParams,
        body: Type.Object(
          { name: Type.Optional(Name), gridType: Type.Optional(GridTypeCode) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: responses({ 200: Node }),
      },
    },
    (req) => territory.renameNode(db, principalOf(req), req.actor, req.params.id, req.body),
  );
}
