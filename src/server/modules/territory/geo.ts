import { and, asc, eq, inArray, isNotNull, ne, type SQL, sql } from "drizzle-orm";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { type Actor, audited } from "../../platform/audit/index.ts";
import { can, inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { AppError, notFound, unprocessable } from "../../platform/errors.ts";
import { type Area, assertValidArea, SpatialIndex } from "../../platform/geo/index.ts";
import { type Paging, selectPage } from "../../platform/http/paging.ts";
import { lineageOf } from "./lineage.ts";
import { bumpGeoVersion, getNode, presentNode } from "./service.ts";
import { type TerritoryLevel, territoryNodes, territoryState } from "./tables.ts";

interface Ref {
  id: string;
  code: string;
  name: string;
}
interface Located {
  grid: Ref & { unitCode: string | null };
  community: Ref | null;
  street: Ref | null;
}
interface Locator {
  version: number;
  checkedAt: number;
  index: SpatialIndex<Located>;
}

// One index per database (tests open several in one process); rebuilt when the version moves.
const locators = new WeakMap<Db, Locator>();
/** How often a process asks whether the territory changed: its spatial index lags the database at most this long. */
export const VERSION_CHECK_MS = 250;

async function currentVersion(db: Db): Promise<number> {
  const [row] = await db
    .select({ v: territoryState.geoVersion })
    .from(territoryState)
    .where(eq(territoryState.id, 1));
  return row?.v ?? 0;
}

async function buildLocator(db: Db, version: number): Promise<Locator> {
  const grids = await db
    .select({
      id: territoryNodes.id,
      code: territoryNodes.code,
      name: territoryNodes.name,
      unitCode: territoryNodes.unitCode,
      path: territoryNodes.path,
      geometry: territoryNodes.geometry,
    })
    .from(territoryNodes)
    .where(and(eq(territoryNodes.level, "grid"), isNotNull(territoryNodes.geometry)));
  const areas = await db
    .select({
      id: territoryNodes.id,
      code: territoryNodes.code,
      name: territoryNodes.name,
      level: territoryNodes.level,
    })
    .from(territoryNodes)
    .where(inArray(territoryNodes.level, ["street", "community"]));
  const byId = new Map(areas.map((a) => [a.id, a]));
  const ancestor = (path: string, level: string): Ref | null => {
    const found = path
      .split("/")
      .map((id) => byId.get(id))
      .find((a) => a?.level === level);
    return found ? { id: found.id, code: found.code, name: found.name } : null;
  };
  const index = new SpatialIndex(
    grids.map((g) => ({
      area: g.geometry as Area,
      value: {
        grid: { id: g.id, code: g.code, name: g.name, unitCode: g.unitCode },
        community: ancestor(g.path, "community"),
        street: ancestor(g.path, "street"),
      },
    })),
  );
  return { version, checkedAt: Date.now(), index };
}

/** The grid, community and street of a point, through the in-memory spatial index. */
export async function locate(db: Db, lat: number, lng: number): Promise<Located> {
  const found = (await locatorOf(db)).index.locate(lng, lat);
  if (!found) throw new AppError("OUTSIDE_DISTRICT", 404, { lat, lng });
  return found;
}

// One version check at a time: requests arriving while it runs wait for it rather than each asking.
const checks = new WeakMap<Db, Promise<Locator>>();

async function locatorOf(db: Db): Promise<Locator> {
  const locator = locators.get(db);
  if (locator && Date.now() - locator.checkedAt <= VERSION_CHECK_MS) return locator;
  let check = checks.get(db);
  if (!check) {
    check = (async () => {
      const version = await currentVersion(db);
      const next =
        locator && locator.version === version
          ? { ...locator, checkedAt: Date.now() }
          : await buildLocator(db, version);
      locators.set(db, next);
      return next;
    })().finally(() => checks.delete(db));
    checks.set(db, check);
  }
  return check;
}

/**
 * Residents and other non-staff see the grids of the communities they belong to, so they can
 * pin a place on a map: polygons are public facts, not personal data.
 */
async function aroundRoles(db: Db, principal: Principal) {
  const communities = await Promise.all(principal.roles.map((r) => lineageOf(db, r.nodePath)));
  const paths = [...new Set(communities.map((l) => l.community?.path).filter((p): p is string => !!p))];
  if (paths.length === 0) return sql`false`;
  return sql`(${sql.join(
    paths.map((p) => sql`${territoryNodes.path} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/**
 * The grids of `area`, only those under `underId` when given: 404 when that node is not in the
 * area, never the whole area as if the filter were not there.
 */
async function gridsIn(db: Db, area: SQL, underId?: string): Promise<SQL> {
  const conditions = [eq(territoryNodes.level, "grid"), area];
  if (underId) {
    const [under] = await db
      .select({ path: territoryNodes.path })
      .from(territoryNodes)
      .where(and(eq(territoryNodes.id, underId), area));
    if (!under) throw notFound("territory node", underId);
    conditions.push(sql`${territoryNodes.path} like ${`${under.path}%`}`);
  }
  return and(...conditions) as SQL;
}

/** GET /territory/grids as a page (and its export): the grids of the caller's scope (staff only). */
export async function listGrids(db: Db, principal: Principal, f: Paging & { underId?: string }) {
  const where = await gridsIn(db, inScope(principal, "territory.read", territoryNodes.path), f.underId);
  const order = [asc(territoryNodes.sortKey), asc(territoryNodes.code)];
  const { rows, total } = await selectPage(db, territoryNodes, where, order, f);
  return { items: rows.map(presentNode), total };
}

/** The grids of the caller's scope (non-staff: of his communities) as a GeoJSON FeatureCollection. */
export async function gridsGeoJson(
  db: Db,
  principal: Principal,
  underId?: string,
): Promise<FeatureCollection> {
  const area = can(principal, "territory.read")
    ? inScope(principal, "territory.read", territoryNodes.path)
    : await aroundRoles(db, principal);
  const where = and(isNotNull(territoryNodes.geometry), await gridsIn(db, area, underId));
  const grids = await db.select().from(territoryNodes).where(where).orderBy(territoryNodes.code);
  const ancestorIds = [...new Set(grids.flatMap((g) => g.path.split("/").filter(Boolean)))];
  const communities = ancestorIds.length
    ? await db
        .select({ id: territoryNodes.id, code: territoryNodes.code, name: territoryNodes.name })
        .from(territoryNodes)
        .where(and(eq(territoryNodes.level, "community"), inArray(territoryNodes.id, ancestorIds)))
    : [];
  const byId = new Map(communities.map((c) => [c.id, c]));
  const features: Feature[] = grids.map((g) => {
    const community = g.path
      .split("/")
      .map((id) => byId.get(id))
      .find(Boolean);
    return {
      type: "Feature",
      id: g.code,
      geometry: g.geometry as Polygon | MultiPolygon,
      properties: {
        id: g.id,
        code: g.code,
        unitCode: g.unitCode,
        name: g.name,
        type: g.gridType,
        community: community?.name ?? null,
        communityCode: community?.code ?? null,
        communityId: community?.id ?? null,
      },
    };
  });
  return { type: "FeatureCollection", features };
}

export const AREA_LEVELS: readonly TerritoryLevel[] = [
  "district",
  "street",
  "community",
  "grid",
  "compound",
  "microgrid",
];

/** What a node's polygon is checked against: its nearest ancestor's polygon and its siblings' polygons. */
export interface PolygonContext {
  parent?: Area;
  siblings: Array<{ id: string; code: string; area: Area }>;
}

/** A polygon about to be set (by the same import file), which siblings are checked against instead. */
export interface PendingPolygon {
  id: string;
  code: string;
  parentId: string | null;
  level: TerritoryLevel;
  area: Area;
}

/**
 * The parent and siblings a polygon must fit (setGeometry's rules; imports check with the same).
 * `pending` polygons replace the stored ones of the same nodes.
 */
export async function polygonContext(
  executor: Executor,
  node: { id: string; parentId: string | null; level: TerritoryLevel; path: string },
  pending: readonly PendingPolygon[] = [],
): Promise<PolygonContext> {
  const ancestors = node.path.split("/").filter((x) => x && x !== node.id);
  const parents = ancestors.length
    ? await executor
        .select({ id: territoryNodes.id, path: territoryNodes.path, geometry: territoryNodes.geometry })
        .from(territoryNodes)
        .where(and(inArray(territoryNodes.id, ancestors), isNotNull(territoryNodes.geometry)))
    : [];
  // The nearest ancestor that has a polygon is the one to stay inside.
  const parent = parents.sort((a, b) => b.path.length - a.path.length)[0];
  const siblings = node.parentId
    ? await executor
        .select({ id: territoryNodes.id, code: territoryNodes.code, geometry: territoryNodes.geometry })
        .from(territoryNodes)
        .where(
          and(
            eq(territoryNodes.parentId, node.parentId),
            eq(territoryNodes.level, node.level),
            ne(territoryNodes.id, node.id),
            isNotNull(territoryNodes.geometry),
          ),
        )
    : [];
  const replaced = pending.filter(
    (p) => p.id !== node.id && p.parentId === node.parentId && p.level === node.level,
  );
  const replacedIds = new Set(replaced.map((p) => p.id));
  return {
    parent: parent?.geometry as Area | undefined,
    siblings: [
      ...siblings
        .filter((s) => !replacedIds.has(s.id))
        .map((s) => ({ id: s.id, code: s.code, area: s.geometry as Area })),
      ...replaced.map(({ id, code, area }) => ({ id, code, area })),
    ],
  };
}

/**
 * Sets a node's polygon after checking it: a valid shape, inside the parent's polygon, and not
 * overlapping its siblings beyond the tolerance. A rejected polygon says which rule and where.
 */
export async function setGeometry(db: Db, principal: Principal, actor: Actor, id: string, geometry: unknown) {
  const result = await audited(db, actor, async (tx, audit) => {
    const node = await getNode(tx, principal, id, "territory.write");
    if (!AREA_LEVELS.includes(node.level)) {
      throw unprocessable("NO_POLYGON_FOR_LEVEL", {
        level: node.level,
      });
    }
    const area = assertValidArea(geometry, await polygonContext(tx, node));
    const [before] = await tx
      .select({ geometry: territoryNodes.geometry })
      .from(territoryNodes)
      .where(eq(territoryNodes.id, id));
    await tx
      .update(territoryNodes)
      .set({ geometry: area, updatedAt: new Date() })
      .where(eq(territoryNodes.id, id));
    await bumpGeoVersion(tx);
    await audit({
      action: "territory.geometry",
      entity: "territory_node",
      entityId: id,
      before: before?.geometry ?? null,
      after: area,
    });
    return { ...node, geometry: area };
  });
  locators.delete(db);
  return result;
}
