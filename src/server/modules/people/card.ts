import { and, eq, like } from "drizzle-orm";
import type { MultiPolygon, Polygon } from "geojson";
import type { Executor } from "../../platform/db/index.ts";
import { notFound } from "../../platform/errors.ts";
import { centroidOf } from "../../platform/geo/index.ts";
import { gridByCode, lineageOf, nodesByIds } from "../territory/index.ts";
import { householdsServed } from "./directory.ts";
import { STAFF_ROLES, type StaffRole, staff } from "./tables.ts";

/** One person on the card: 三亮 — who (name, photo), what (role, duties, where), how to reach (phone). */
export interface CardPerson {
  id: string;
  role: StaffRole;
  name: string;
  /** Whole, on purpose: the card exists to be called from. */
  phone: string;
  duties: string | null;
  /** Building and entrance heads: their building or entrance under the grid, e.g. "华府佳园1栋1单元". */
  place: string | null;
  /** Liaisons: how many households they link (1+1带N). */
  households: number | null;
  partTime: boolean;
  photoId: string | null;
}

export interface ContactCard {
  code: string;
  name: string;
  community: { code: string; name: string } | null;
  street: { code: string; name: string } | null;
  geometry: Polygon | MultiPolygon | null;
  /** The grid's centre, for placing a request made from the card's QR code. */
  center: { lat: number; lng: number } | null;
  staff: CardPerson[];
}

// Paths are uuids and slashes: LIKE needs no escaping, and the path index serves it.
const under = (path: string) => like(staff.territoryPath, `${path}%`);

// A grid has a few dozen people; the bound keeps a bad import from making a page of thousands.
const MAX_PEOPLE = 300;

/**
 * A grid's public contact card (民情联系卡) by grid code: the grid, its community and street, and
 * its staff in the order a resident looks for them, grid leader first. Nothing but what the
 * 三亮 make public: no ID numbers, no home addresses. 404 for a code that names no grid.
 */
export async function contactCard(executor: Executor, code: string): Promise<ContactCard> {
  const grid = await gridByCode(executor, code);
  if (!grid) throw notFound("grid", code);
  const [lineage, rows] = await Promise.all([
    lineageOf(executor, grid.path),
    executor
      .select({
        id: staff.id,
        role: staff.role,
        name: staff.name,
        sortKey: staff.sortKey,
        phone: staff.phone,
        duties: staff.duties,
        employment: staff.employment,
        photoId: staff.photoId,
        path: staff.territoryPath,
      })
      .from(staff)
      .where(under(grid.path))
      .limit(MAX_PEOPLE),
  ]);
  const places = await placesBelow(
    executor,
    grid.path,
    rows.map((r) => r.path),
  );
  const served = await householdsServed(
    executor,
    rows.filter((r) => r.role === "liaison").map((r) => r.id),
  );
  const people = rows.map((r) => ({
    id: r.id,
    role: r.role,
    name: r.name,
    phone: r.phone,
    duties: r.duties,
    place: places.get(r.path) ?? null,
    households: r.role === "liaison" ? (served.get(r.id) ?? 0) : null,
    partTime: r.employment === "partTime",
    photoId: r.photoId,
    sortKey: r.sortKey,
  }));
  people.sort(
    (a, b) =>
      STAFF_ROLES.indexOf(a.role) - STAFF_ROLES.indexOf(b.role) ||
      Number(a.partTime) - Number(b.partTime) ||
      (a.place ?? "").localeCompare(b.place ?? "", "zh-CN", { numeric: true }) ||
      a.sortKey.localeCompare(b.sortKey),
  );
  const ref = (n: { code: string; name: string } | null) => n && { code: n.code, name: n.name };
  return {
    code: grid.code,
    name: grid.name,
    community: ref(lineage.community),
    street: ref(lineage.street),
    geometry: grid.geometry ?? null,
    center: centerOf(grid),
    staff: people.map(({ sortKey: _, ...p }) => p),
  };
}

function centerOf(grid: { lat: number | null; lng: number | null; geometry: Polygon | MultiPolygon | null }) {
  if (grid.lat !== null && grid.lng !== null) return { lat: grid.lat, lng: grid.lng };
  if (!grid.geometry) return null;
  const [lng, lat] = centroidOf(grid.geometry);
  return { lat, lng };
}

/** For each staff path below the grid, the names of the nodes between the grid and the person's node. */
async function placesBelow(executor: Executor, gridPath: string, paths: string[]) {
  const below = (path: string) => path.slice(gridPath.length).split("/").filter(Boolean);
  const ids = [...new Set(paths.flatMap(below))];
  const names = new Map((await nodesByIds(executor, ids)).map((n) => [n.id, n.name]));
  const places = new Map<string, string>();
  for (const path of paths) {
    const place = below(path)
      .map((id) => names.get(id))
      .filter(Boolean)
      .join("");
    if (place) places.set(path, place);
  }
  return places;
}

/** Whether a photo belongs to someone on this grid's card (only those are served publicly). */
export async function isCardPhoto(executor: Executor, code: string, photoId: string): Promise<boolean> {
  const grid = await gridByCode(executor, code);
  if (!grid) return false;
  const [row] = await executor
    .select({ id: staff.id })
    .from(staff)
    .where(and(under(grid.path), eq(staff.photoId, photoId)))
    .limit(1);
  return !!row;
}
