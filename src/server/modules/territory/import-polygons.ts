import { inArray } from "drizzle-orm";
import { type AuditEntry, recordAudits } from "../../platform/audit/index.ts";
import { bulkUpdate } from "../../platform/db/index.ts";
import { type Area, checkShape, type PolygonProblem, validateArea } from "../../platform/geo/index.ts";
import type { GeoJsonImporter } from "../../platform/imports/index.ts";
import { type PendingPolygon, polygonContext } from "./geo.ts";
import { nodesByRefs } from "./lookup.ts";
import { bumpGeoVersion, type TerritoryNode } from "./service.ts";
import { territoryNodes } from "./tables.ts";

/** The rule a polygon broke, as the person fixing the GIS file reads it. */
const RULES: Record<PolygonProblem["rule"], string> = {
  type: "几何类型不对",
  closed: "环未闭合",
  ring_size: "环的顶点太少",
  coordinates: "坐标无效",
  self_intersection: "边界自相交",
  outside_parent: "超出所属社区",
  overlap: "与相邻网格重叠",
};
const describeProblem = (p: PolygonProblem) => `${RULES[p.rule]}（${p.rule}）：${p.message}`;

interface Row {
  row: number;
  node: TerritoryNode;
  area: Area;
  before: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Grid polygons from a GeoJSON FeatureCollection (each feature's properties.code names its grid).
 * Every polygon is checked by the rules that setting one polygon is checked by (polygonContext +
 * validateArea: a sound shape, inside the community, no overlap with neighbours), where the
 * neighbours' polygons are the ones this same file gives them. All or nothing, like every import.
 */
export const gridPolygonsImporter: GeoJsonImporter<Row> = {
  kind: "gridPolygons",
  source: "geojson",
  permission: "territory.write",
  label: { "zh-CN": "网格边界（GeoJSON）", en: "Grid polygons (GeoJSON)" },
  rank: 5,
  checker(ctx) {
    const firstRow = new Map<string, number>();
    const pending: PendingPolygon[] = [];
    return {
      async check(features) {
        const codes = [...new Set(features.map((f) => f.code).filter(Boolean))];
        const grids = await nodesByRefs(ctx.executor, "grid", codes);
        const found = features.map((f) => {
          if (!f.code) {
            ctx.problem(f.row, "code", "缺少网格编码：请在 properties.code 中填写");
            return undefined;
          }
          const node = grids.find((g) => g.code === f.code || g.unitCode === f.code);
          if (!node) ctx.problem(f.row, "code", `找不到网格“${f.code}”`);
          else if (!ctx.covers(node.path)) ctx.problem(f.row, "code", `网格“${f.code}”不在您的管辖范围内`);
          else {
            const first = firstRow.get(node.id);
            if (first === undefined) {
              firstRow.set(node.id, f.row);
              // A sound shape is a neighbour the others are checked against.
              if (checkShape(f.geometry).length === 0) pending.push({ ...node, area: f.geometry as Area });
              return node;
            }
            ctx.problem(f.row, "code", `与第 ${first} 个要素是同一网格`);
            ctx.problem(first, "code", `与第 ${f.row} 个要素是同一网格`);
          }
          return undefined;
        });
        const ids = found.flatMap((n) => (n ? [n.id] : []));
        const stored = ids.length
          ? await ctx.executor
              .select({ id: territoryNodes.id, geometry: territoryNodes.geometry })
              .from(territoryNodes)
              .where(inArray(territoryNodes.id, ids))
          : [];
        const read: Row[] = [];
        for (const [i, f] of features.entries()) {
          const node = found[i];
          if (!node) continue;
          const result = validateArea(f.geometry, await polygonContext(ctx.executor, node, pending));
          if ("problems" in result) {
            for (const p of result.problems) ctx.problem(f.row, "geometry", describeProblem(p));
            continue;
          }
          read.push({
            row: f.row,
            node,
            area: result.area,
            before: stored.find((s) => s.id === node.id)?.geometry ?? null,
          });
        }
        return read;
      },
    };
  },
  async write(ctx, rows) {
    const changed = rows.filter((r) => !same(r.area, r.before));
    await bulkUpdate(
      ctx.tx,
      territoryNodes,
      "id",
      changed.map((r) => ({ id: r.node.id, geometry: r.area, updatedAt: new Date() })),
    );
    const audits: Array<[typeof ctx.actor, AuditEntry]> = changed.map((r) => [
      ctx.actor,
      {
        action: "territory.geometry",
        entity: "territory_node",
        entityId: r.node.id,
        before: r.before,
        after: r.area,
      },
    ]);
    await recordAudits(ctx.tx, audits);
    if (changed.length > 0) await bumpGeoVersion(ctx.tx);
    await ctx.progress(rows.length);
    return {
      created: changed.filter((r) => r.before === null).length,
      updated: changed.filter((r) => r.before !== null).length,
      unchanged: rows.length - changed.length,
    };
  },
};
