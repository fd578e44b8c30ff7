import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Foreign,
  foreignAmong,
  foreignObjects,
  KINDS,
  rowsSnapshot,
  type Viewer,
  viewerOf,
} from "../../testing/foreign.ts";
import { loginAs, PHONES, type Session, startTestApp, type TestApp } from "../../testing/harness.ts";
import { xlsxCellSet } from "../../testing/imports.ts";
import {
  fillPath,
  inParallel,
  jsonBody,
  listedIds,
  type Operation,
  pathParams,
  queryParams,
  type Route,
  routesOf,
  sampleOf,
} from "../../testing/openapi.ts";
import { addObjectsTheDemoLacks, PNG } from "../../testing/scope-objects.ts";
import {
  FIELD,
  GIVEN,
  isObjectParam,
  PATH,
  PUBLIC_LISTS,
  type Target,
  targetOf,
} from "../../testing/scope-targets.ts";

/**
 * Every route of /openapi.json, as every demo role, with objects outside that role's scope (another
 * street, community, grid, household, department; someone else's token, notice, import …) in each
 * parameter that names an object: a read answers 403 or 404, a list filtered by such an object
 * answers 403 or 404 (JSON and .xlsx alike), a write answers 401, 403 or 404 and changes nothing, and
 * no list (JSON, GeoJSON or .xlsx) shows a foreign object. Routes added later are walked as they
 * come: a parameter that names an object of a kind this table does not know fails the test.
 */
type Role = keyof typeof PHONES;
/**
 * Whose unfiltered exports are not downloaded: a street's or the district's run to tens of
 * thousands of rows (a street's residents alone take 15 s on PGlite). Their lists go through the
 * same scope condition as their JSON pages, which are checked, and their exports with a foreign
 * filter are refused like any other role's.
 */
const WHOLE_EXPORTS: Role[] = ["districtAdmin", "streetStaff"];
interface Probe {
  role: Role;
  /** METHOD path, as the document names it. */
  route: string;
  what: string;
  method: string;
  url: string;
  body?: unknown;
  multipart?: boolean;
  /** read: 403/404; write: 401/403/404; field: no 2xx (a body field is checked after the body). */
  expect: "read" | "write" | "field" | "public";
}

let t: TestApp;
let routes: Route[];
const sessions = {} as Record<Role, Session>;
const viewers = {} as Record<Role, Viewer>;
const foreign = {} as Record<Role, Map<string, Foreign>>;
const ownFile = {} as Record<Role, string>;
const dbQuery = (text: string, values?: unknown[]) => t.database.executeSql(text, values);

async function send(role: Role, p: Pick<Probe, "method" | "url" | "body" | "multipart">) {
  const headers = sessions[role].headers;
  if (p.multipart) {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(PNG)], { type: "image/png" }), "x.png");
    return t.app.inject({ method: p.method as "POST", url: p.url, headers, payload: form });
  }
  return t.app.inject({
    method: p.method as "POST",
    url: p.url,
    headers: p.body === undefined ? headers : { ...headers, "content-type": "application/json" },
    ...(p.body !== undefined ? { payload: JSON.stringify(p.body) } : {}),
  });
}

let setup = "";
beforeAll(async () => {
  const started = Date.now();
  t = await startTestApp();
  routes = await routesOf(t.app);
  await Promise.all(
    (Object.entries(PHONES) as Array<[Role, string]>).map(async ([role, phone]) => {
      sessions[role] = await loginAs(t.app, phone);
      viewers[role] = await viewerOf(dbQuery, phone);
    }),
  );
  const roles = Object.keys(PHONES) as Role[];
  const photos = await addObjectsTheDemoLacks(
    t,
    roles.map((role) => ({ session: sessions[role], viewer: viewers[role] })),
  );
  for (const [i, role] of roles.entries()) {
    ownFile[role] = photos[i] as string;
    foreign[role] = await foreignObjects(dbQuery, viewers[role]);
  }
  setup = `setup ${((Date.now() - started) / 1000).toFixed(1)} s`;
});
afterAll(() => t.close());

/** Every id-like parameter or body field of the document that the tables of scope-targets.ts do not know. */
function unmapped(): string[] {
  const out: string[] = [];
  for (const r of routes) {
    for (const p of r.op.parameters ?? [])
      if (isObjectParam(p.name, p.schema.format) && !targetOf(r.path, p.name, p.in === "path"))
        out.push(`${r.method} ${r.path} ${p.in} ${p.name}`);
    for (const [name, s] of Object.entries(jsonBody(r.op)?.properties ?? {}))
      if (isObjectParam(name, s.format ?? s.items?.format) && !targetOf(r.path, name, false))
        out.push(`${r.method} ${r.path} body ${name}`);
  }
  return out;
}

/** The ways a foreign object may be named in a parameter: by id, and by code where it has one. */
function namings(
  role: Role,
  target: Target | undefined,
  name: string,
): Array<{ kind: string; value: string }> {
  if (!target || !Array.isArray(target)) return [];
  return target.flatMap((kind) => {
    const o = foreign[role].get(kind);
    if (!o) return [];
    if (name === "code" || name === "deviceId") return o.code ? [{ kind, value: o.code }] : [];
    return name === "idOrCode" && o.code
      ? [
          { kind, value: o.id },
          { kind: `${kind} by code`, value: o.code },
        ]
      : [{ kind, value: o.id }];
  });
}

/**
 * A body the schema accepts, with `field` set to a foreign object; where the body may name a
 * place and the field is not it, the caller's own node, so that the write gets as far as the field.
 */
const bodyOf = (role: Role, op: Operation, field?: [string, unknown]) => {
  const given = (name: string) =>
    field && name === field[0] ? field[1] : name === "photos" ? [ownFile[role]] : GIVEN[name];
  const schema = jsonBody(op);
  if (!schema) return undefined;
  const body = sampleOf(schema, given) as Record<string, unknown>;
  for (const [name, value] of Object.entries(GIVEN)) if (schema.properties?.[name]) body[name] ??= value;
  const own = viewers[role].roles[0]?.nodePath.split("/").at(-2);
  if (field && field[0] !== "nodeId" && schema.properties?.nodeId && own) body.nodeId = own;
  return field ? { ...body, [field[0]]: field[1] } : body;
};
const requiredQuery = (op: Operation) =>
  queryParams(op)
    .filter((p) => p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(sampleOf(p.schema, (n) => GIVEN[n], p.name)))}`);
const exportable = (op: Operation) =>
  queryParams(op).some((p) => p.name === "format" && JSON.stringify(p.schema).includes('"xlsx"'));

/** The probes of one role: each route with each foreign object in each parameter naming one. */
function probesOf(role: Role): Probe[] {
  const probes: Probe[] = [];
  for (const r of routes) {
    const { method, path, op } = r;
    const write = method !== "GET";
    const multipart = !jsonBody(op) && Object.keys(op.requestBody?.content ?? {}).length > 0;
    const objects = pathParams(op).filter((p) => isObjectParam(p.name, p.schema.format));
    const base = (values: Record<string, string>) => fillPath(path, values);
    const extra = requiredQuery(op);
    const withQuery = (url: string, more: string[] = []) =>
      [...extra, ...more].length ? `${url}?${[...extra, ...more].join("&")}` : url;
    // Path objects: each parameter in turn takes each of its kinds, the others their first.
    if (objects.length > 0) {
      const first = Object.fromEntries(
        objects.map((p) => [p.name, namings(role, targetOf(path, p.name, true), p.name)[0]?.value ?? ""]),
      );
      const nonObjects = Object.fromEntries(
        pathParams(op)
          .filter((p) => !objects.includes(p))
          .map((p) => [p.name, String(sampleOf(p.schema))]),
      );
      const allPublic = objects.every((p) => !Array.isArray(targetOf(path, p.name, true)));
      for (const p of objects)
        for (const n of namings(role, targetOf(path, p.name, true), p.name)) {
          if (Object.values({ ...first, [p.name]: n.value }).some((v) => v === "")) continue;
          probes.push({
            role,
            route: `${method} ${path}`,
            what: `${method} ${path} ${p.name}=${n.kind}`,
            method,
            url: withQuery(base({ ...first, ...nonObjects, [p.name]: n.value })),
            body: write ? bodyOf(role, op) : undefined,
            multipart,
            expect: allPublic ? "public" : write ? "write" : "read",
          });
        }
      continue;
    }
    if (pathParams(op).length > 0) continue;
    for (const p of queryParams(op).filter((q) => isObjectParam(q.name, q.schema.format)))
      for (const n of namings(role, targetOf(path, p.name, false), p.name))
        for (const format of exportable(op) ? [[], ["format=xlsx"]] : [[]])
          probes.push({
            role,
            route: `${method} ${path}`,
            what: `${method} ${path}?${p.name}=${n.kind}${format.length ? " xlsx" : ""}`,
            method,
            url: withQuery(path, [`${p.name}=${n.value}`, ...format]),
            expect: "read",
          });
    for (const [name, s] of Object.entries(jsonBody(op)?.properties ?? {}))
      if (isObjectParam(name, s.format ?? s.items?.format))
        for (const n of namings(role, targetOf(path, name, false), name))
          probes.push({
            role,
            route: `${method} ${path}`,
            what: `${method} ${path} body ${name}=${n.kind}`,
            method,
            url: withQuery(path),
            body: bodyOf(role, op, [name, s.type === "array" ? [n.value] : n.value]),
            expect: "field",
          });
  }
  return probes;
}

const ALLOWED = { read: [403, 404], write: [401, 403, 404] } as const;
function verdict(p: Probe, status: number): string | null {
  if (p.expect === "public") return null;
  if (p.expect === "field") return status < 300 ? `${status}: a write took a foreign object` : null;
  return (ALLOWED[p.expect] as readonly number[]).includes(status) ? null : `${status}`;
}

/** A list route (GET, no path parameter) that answers JSON, at least among other types. */
const isList = (r: Route) => {
  if (PUBLIC_LISTS[r.path]) return false;
  const types = Object.keys(r.op.responses?.["200"]?.content ?? { "application/json": {} });
  return r.method === "GET" && pathParams(r.op).length === 0 && types.includes("application/json");
};

/**
 * One list, unfiltered: the ids its largest page and its GeoJSON features show (by id: where
 * seen first, for the caller to judge them all at once), and the cells of its export, which must
 * carry no marker of a foreign object of the caller's.
 */
async function listed(
  role: Role,
  r: Route,
  seen: Map<string, string>,
): Promise<{ found: string[]; requests: number }> {
  const found: string[] = [];
  const params = queryParams(r.op);
  const formats = JSON.stringify(params.find((p) => p.name === "format")?.schema ?? {});
  const page = params.some((p) => p.name === "pageSize") ? ["pageSize=200"] : [];
  // Nothing to look for in an export's cells when no foreign object of his has a marker.
  const markers = [...foreign[role].values()].filter((o) => o.marker);
  const exports = markers.length > 0 && !WHOLE_EXPORTS.includes(role);
  const variants = [
    page,
    ...["geojson", ...(exports ? ["xlsx"] : [])]
      .filter((f) => formats.includes(`"${f}"`))
      .map((f) => [`format=${f}`]),
  ];
  for (const variant of variants) {
    const parts = [...requiredQuery(r.op), ...variant];
    const url = parts.length ? `${r.path}?${parts.join("&")}` : r.path;
    const res = await send(role, { method: "GET", url });
    if (res.statusCode !== 200) continue;
    if (variant[0] === "format=xlsx") {
      const cells = await xlsxCellSet(res.rawPayload);
      for (const o of markers)
        if (cells.has(o.marker as string)) found.push(`${role} GET ${url} shows ${o.kind} ${o.marker}`);
    } else if (res.headers["content-type"]?.toString().includes("json"))
      for (const id of listedIds(res.json())) if (!seen.has(id)) seen.set(id, `GET ${url}`);
  }
  return { found, requests: variants.length };
}

describe("scope over every route of /openapi.json", () => {
  it("knows the kind of every parameter that names an object", () => {
    expect(unmapped()).toEqual([]);
    const used = new Set(Object.values({ ...PATH, ...FIELD }).flatMap((x) => (Array.isArray(x) ? x : [])));
    const missing = [...used].filter((kind) => !Object.values(foreign).some((m) => m.has(kind)));
    // A kind no role has a foreign object of would test nothing.
    expect(missing).toEqual([]);
  });

  it("refuses foreign objects in every parameter, changes nothing, and lists nothing foreign", {
    timeout: 600_000,
  }, async () => {
    const roles = Object.keys(PHONES) as Role[];
    const probes = roles.flatMap(probesOf);
    const failures: string[] = [];
    let requests = 0;
    const run = async (p: Probe) => {
      requests++;
      const res = await send(p.role, p);
      const bad = verdict(p, res.statusCode);
      if (bad) failures.push(`${p.role} ${p.what} → ${bad} ${res.body.slice(0, 100)}`);
    };
    let clock = Date.now();
    const laps: string[] = [];
    const lap = (what: string) => {
      laps.push(`${what} ${((Date.now() - clock) / 1000).toFixed(1)} s`);
      clock = Date.now();
    };
    await inParallel(probes.filter((p) => p.method === "GET").map((p) => () => run(p)));
    lap("reads");

    // Lists without a filter: nothing foreign among their items, nor among an export's cells.
    const lists = routes.filter(isList);
    for (const role of roles) {
      const seen = new Map<string, string>();
      await inParallel(
        lists.map((r) => async () => {
          const { found, requests: made } = await listed(role, r, seen);
          requests += made;
          failures.push(...found);
        }),
      );
      for (const leak of await foreignAmong(dbQuery, viewers[role], [...seen.keys()]))
        failures.push(`${role} ${seen.get(leak.id)} lists ${leak.kind} ${leak.id}`);
    }
    lap("lists");

    // Writes: each refused, and nothing anywhere changed by all of them together.
    const objects = roles.flatMap((role) => [...foreign[role].values()]);
    const before = await rowsSnapshot(dbQuery, objects);
    await inParallel(probes.filter((p) => p.method !== "GET").map((p) => () => run(p)));
    const after = await rowsSnapshot(dbQuery, objects);
    lap("writes");
    const changed = [...before]
      .filter(([k, v]) => after.get(k) !== v)
      .map(([k, v]) => `${k}: ${v} → ${after.get(k)}`);

    const perRole = (objects.length / roles.length).toFixed(1);
    console.log(
      `scope test: ${routes.length} routes (${new Set(probes.map((p) => p.route)).size} with a parameter naming ` +
        `an object, ${lists.length} lists) × ${roles.length} roles × ${perRole} foreign objects a role ` +
        `(${objects.length} in all, ${Object.keys(KINDS).length} kinds) → ${probes.length} probes; ` +
        `${requests} requests (${[setup, ...laps].join(", ")})`,
    );
    expect(failures).toEqual([]);
    expect(changed).toEqual([]);
  });
});
