import { type Permission, type Role, roleGrants } from "../platform/auth/index.ts";
import type { Database } from "../platform/db/index.ts";

/**
 * Objects outside a user's scope, picked straight from the database for the scope test: for each
 * kind of object, a row that none of the user's roles reaches. What "reaches" means is written
 * here once per kind, from the rules of roles.ts, not from the code under test.
 */
export interface Viewer {
  userId: string;
  roles: Array<{ role: Role; nodePath: string }>;
  departmentIds: string[];
}

export interface Foreign {
  kind: string;
  id: string;
  /** Its human code, when it has one (cases, orders, wishes, nodes). */
  code: string | null;
  /** A text only this object has, to look for in spreadsheets. */
  marker: string | null;
}

interface KindSpec {
  table: string;
  /** Its territory path columns: foreign when every one lies outside the viewer's region. */
  paths?: string[];
  /** The permission whose scope holds it (staff). */
  read?: Permission;
  /**
   * Also seen by whoever lives or works in its community (activities, teams, orders offered to
   * the area, the grids on the map), and by those below it (a street-wide activity).
   */
  audience?: boolean;
  /** Further SQL a foreign row meets for this viewer: not his own, not on a public wall … */
  also?: (v: Viewer) => string;
  code?: string;
  marker?: string;
  /** Named to anyone in lists (a department to send a case to), though not his to act for. */
  listed?: true;
}

const list = (values: string[]) => (values.length ? values.map((v) => `'${v}'`).join(", ") : "null");
/** SQL: the column (possibly null) names none of the ids. */
const noneOf = (column: string, ids: string[]) =>
  ids.length ? `(${column} is null or ${column} not in (${list(ids)}))` : "true";
const notMine = (column: string) => (v: Viewer) => `${column} is distinct from '${v.userId}'`;
const level = (name: string) => () => `level = '${name}'`;

export const KINDS: Record<string, KindSpec> = {
  street: {
    table: "territory_nodes",
    paths: ["path"],
    read: "territory.read",
    audience: true,
    also: level("street"),
    code: "code",
    marker: "code",
  },
  community: {
    table: "territory_nodes",
    paths: ["path"],
    read: "territory.read",
    audience: true,
    also: level("community"),
    code: "code",
    marker: "code",
  },
  grid: {
    table: "territory_nodes",
    paths: ["path"],
    read: "territory.read",
    audience: true,
    also: level("grid"),
    code: "code",
    marker: "code",
  },
  householdNode: {
    table: "territory_nodes",
    paths: ["path"],
    read: "territory.read",
    audience: true,
    also: level("household"),
  },
  household: { table: "households", paths: ["territory_path"], read: "people.read", marker: "address" },
  resident: { table: "residents", paths: ["territory_path"], read: "people.read" },
  staff: { table: "staff", paths: ["territory_path"], read: "people.read", marker: "phone" },
  case: {
    table: "cases",
    paths: ["territory_path"],
    read: "cases.read",
    also: (v) =>
      `${notMine("reporter_user_id")(v)} and ${noneOf("department_id", v.departmentIds)}
       and not exists (select 1 from whistles w where w.case_id = cases.id and w.department_id in (${list(v.departmentIds)}))`,
    code: "code",
    marker: "code",
  },
  whistle: {
    table: "whistles",
    paths: ["territory_path"],
    read: "cases.read",
    also: (v) => noneOf("department_id", v.departmentIds),
  },
  device: {
    table: "devices",
    paths: ["territory_path"],
    read: "devices.manage",
    code: "id",
    marker: "label",
  },
  order: {
    table: "orders",
    paths: ["territory_path", "audience_path"],
    read: "orders.publish",
    audience: true,
    also: (v) => `${notMine("taker_user_id")(v)} and ${notMine("requester_user_id")(v)}`,
    code: "code",
    marker: "code",
  },
  wish: {
    table: "wishes",
    paths: ["territory_path"],
    read: "wishes.review",
    // What is on the wall is public; a wish waiting for review or rejected is not.
    also: (v) =>
      `status not in ('published', 'claimed', 'fulfilled', 'confirmed') and ${notMine("wisher_user_id")(v)}`,
    code: "code",
    marker: "code",
  },
  activity: {
    table: "activities",
    paths: ["territory_path"],
    read: "volunteering.manage",
    audience: true,
    marker: "title",
  },
  team: {
    table: "volunteer_teams",
    paths: ["territory_path"],
    read: "volunteering.manage",
    audience: true,
    marker: "name",
  },
  volunteer: {
    table: "volunteers",
    paths: ["territory_path"],
    read: "volunteering.manage",
    also: notMine("user_id"),
  },
  signup: { table: "activity_signups", paths: ["territory_path"], read: "volunteering.manage" },
  org: { table: "party_orgs", paths: ["territory_path"], read: "org.read", marker: "name" },
  // A pairing is known to those who live or work in its community (a member's 双报到 page).
  pairing: { table: "unit_pairings", paths: ["territory_path"], read: "engagement.manage", audience: true },
  reportIn: {
    table: "report_ins",
    paths: ["territory_path"],
    read: "engagement.manage",
    also: notMine("user_id"),
  },
  unit: { table: "units", paths: ["territory_path"], read: "org.read", marker: "name" },
  // A call-up is read by staff down to grid workers, also from below its node (a grid of its community).
  mobilisation: { table: "mobilisations", paths: ["territory_path"], read: "dashboard.read", audience: true },
  // No marker: a talent or a job seeker is a resident, whose name people lists show rightly.
  talent: { table: "talents", paths: ["territory_path"], read: "engagement.manage" },
  // A shop: scored and listed (商铺积分) in the inspector's points.inspect scope; its name is its own.
  // Not the viewer's own shop (merchant accounts meet their shops by phone).
  merchant: {
    table: "merchants",
    paths: ["territory_path"],
    read: "points.inspect",
    marker: "name",
    also: (v) =>
      `not exists (select 1 from users u where u.phone = merchants.phone and u.id = '${v.userId}')`,
  },
  jobSeeker: { table: "job_seekers", paths: ["territory_path"], read: "engagement.manage" },
  // A proposal is where its seeker is.
  jobMatch: {
    table: "job_matches",
    also: (v) => {
      const region = regionOf(v, { table: "", read: "engagement.manage" });
      const inside = region.map((p) => `s.territory_path like '${p}%'`).join(" or ") || "false";
      return `exists (select 1 from job_seekers s where s.id = job_matches.seeker_id and not (${inside}))`;
    },
  },
  // Not the viewer's own member record (accounts and members meet by phone).
  partyMember: {
    table: "party_members",
    paths: ["territory_path"],
    read: "people.read",
    also: (v) =>
      `not exists (select 1 from residents r join users u on u.phone = r.phone
        where r.id = party_members.resident_id and u.id = '${v.userId}')`,
  },
  // A 大党委's part-time member is where his organisation is.
  partTimeMember: {
    table: "org_part_time_members",
    also: (v) => {
      const region = regionOf(v, { table: "", read: "org.read" });
      const inside = region.map((p) => `o.territory_path like '${p}%'`).join(" or ") || "false";
      return `exists (select 1 from party_orgs o where o.id = org_part_time_members.org_id and not (${inside}))`;
    },
  },
  report: {
    table: "reports",
    paths: ["territory_path"],
    read: "reports.read",
    also: (v) => `${notMine("requested_by")(v)} and ${noneOf("subject_id", v.departmentIds)}`,
  },
  // Any staff may send a case to any department; only department staff are bound to theirs.
  department: {
    table: "departments",
    listed: true,
    also: (v) => (v.departmentIds.length ? noneOf("id", v.departmentIds) : "false"),
  },
  notification: { table: "notifications", also: notMine("user_id") },
  token: { table: "api_tokens", also: notMine("user_id") },
  // Visible to its uploader and to staff whose scope holds a node the uploader imported for.
  import: {
    table: "import_jobs",
    also: (v) =>
      `${notMine("created_by")(v)} and not exists (select 1 from jsonb_array_elements(principal->'roles') r
        where ${v.roles.map((r) => `r->>'nodePath' like '${r.nodePath}%'`).join(" or ") || "false"})`,
  },
  file: { table: "files", also: notMine("created_by") },
  user: {
    table: "users",
    also: (v) => `not exists (select 1 from role_assignments ra join territory_nodes n on n.id = ra.node_id
        where ra.user_id = users.id and (${
          regionOf(v, { table: "", read: "accounts.manage" })
            .map((p) => `n.path like '${p}%'`)
            .join(" or ") || "false"
        }))`,
  },
};

/** The community of a path (district/street/community/…), or the path itself above that level. */
const communityOf = (path: string) => `/${path.split("/").filter(Boolean).slice(0, 3).join("/")}/`;

function regionOf(v: Viewer, spec: KindSpec): string[] {
  const read = spec.read;
  const staff = read ? v.roles.filter((r) => roleGrants(r.role, read)).map((r) => r.nodePath) : [];
  // Department staff are bound to the district to name it; they live and work in no community.
  const homes = spec.audience
    ? v.roles.filter((r) => r.role !== "departmentStaff").map((r) => communityOf(r.nodePath))
    : [];
  return [...new Set([...staff, ...homes])];
}

/** SQL: the row of `kind` lies outside everything the viewer reaches. */
function foreignWhere(v: Viewer, kind: string): string {
  const spec = KINDS[kind] as KindSpec;
  const region = regionOf(v, spec);
  const outside = (column: string) => {
    const inside = region.map((p) => `${column} like '${p}%'`);
    if (spec.audience) inside.push(...region.map((p) => `'${p}' like ${column} || '%'`));
    return inside.length ? `not (${inside.join(" or ")})` : "true";
  };
  return [...(spec.paths ?? []).map(outside), spec.also?.(v) ?? "true"].join(" and ");
}

type Query = Database["executeSql"];

/**
 * One foreign object of each kind, or none: the nearest, looked for under his own node's parent,
 * then its parent and so on (a sibling grid before another street), since a check one level too
 * coarse lets exactly those through. Each look is one indexed prefix search.
 */
export async function foreignObjects(query: Query, v: Viewer): Promise<Map<string, Foreign>> {
  const ids = (v.roles[0]?.nodePath ?? "").split("/").filter(Boolean);
  const nearestFirst = ids.map((_, i) => `/${ids.slice(0, ids.length - i).join("/")}/`);
  const picked = await Promise.all(
    Object.entries(KINDS).map(async ([kind, spec]) => {
      const column = spec.paths?.[0];
      let row: { id: string; code: string | null; marker: string | null } | undefined;
      for (const within of [...(column ? nearestFirst : []), null]) {
        const { rows } = await query(
          `select id::text as id, ${spec.code ?? "null"}::text as code, ${spec.marker ?? "null"}::text as marker
           from ${spec.table} where ${within ? `${column} like '${within}%' and ` : ""}${foreignWhere(v, kind)}
           order by id limit 1`,
        );
        row = rows[0] as typeof row;
        if (row) break;
      }
      if (!row) return null;
      // A marker is only worth looking for when no other row carries the same text.
      const { rows: same } = row.marker
        ? await query(`select count(*)::int as n from ${spec.table} where ${spec.marker} = $1`, [row.marker])
        : { rows: [] };
      const unique = (same[0] as { n: number } | undefined)?.n === 1;
      return [kind, { kind, ...row, marker: unique ? row.marker : null }] as const;
    }),
  );
  return new Map(picked.filter((x) => x !== null));
}

/** Which of these ids (of any kind) name objects outside the viewer's reach. */
export async function foreignAmong(
  query: Query,
  v: Viewer,
  ids: string[],
): Promise<Array<{ kind: string; id: string }>> {
  if (ids.length === 0) return [];
  const found = await Promise.all(
    Object.entries(KINDS).map(async ([kind, spec]) => {
      if (spec.listed) return [];
      const { rows } = await query(
        `select id::text as id from ${spec.table} where id::text in (${list(ids)}) and ${foreignWhere(v, kind)}`,
      );
      return (rows as Array<{ id: string }>).map((r) => ({ kind, id: r.id }));
    }),
  );
  return found.flat();
}

/** The demo user behind a phone, with his roles' node paths and his departments. */
export async function viewerOf(query: Query, phone: string): Promise<Viewer> {
  const { rows } = await query(
    `select u.id::text as "userId", ra.role, n.path as "nodePath" from users u
     join role_assignments ra on ra.user_id = u.id join territory_nodes n on n.id = ra.node_id where u.phone = $1`,
    [phone],
  );
  const roles = rows as Array<{ userId: string; role: Role; nodePath: string }>;
  const userId = roles[0]?.userId ?? "";
  const { rows: departments } = await query(
    "select department_id::text as id from department_staff where user_id = $1",
    [userId],
  );
  return {
    userId,
    roles: roles.map(({ role, nodePath }) => ({ role, nodePath })),
    departmentIds: (departments as Array<{ id: string }>).map((d) => d.id),
  };
}

/**
 * Row counts of every table (sessions aside) and a fingerprint of each of these objects' rows:
 * what a refused write must leave as it was.
 */
export async function rowsSnapshot(query: Query, objects: Foreign[]): Promise<Map<string, string>> {
  const { rows: tables } = await query(
    "select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const names = (tables as Array<{ t: string }>).map((x) => x.t).filter((x) => x !== "sessions");
  const { rows: counts } = await query(
    names.map((n) => `select '${n}' as k, count(*)::text as v from ${n}`).join(" union all "),
  );
  const unique = [...new Map(objects.map((o) => [`${o.kind} ${o.id}`, o])).values()];
  const { rows: prints } = await query(
    unique
      .map(
        (o) =>
          `select '${o.kind} ${o.id}' as k, md5(x::text) as v from ${KINDS[o.kind]?.table} x where id::text = '${o.id}'`,
      )
      .join(" union all "),
  );
  return new Map(([...counts, ...prints] as Array<{ k: string; v: string }>).map((r) => [r.k, r.v]));
}
