import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import {
  kind,
  type Operation,
  type Parameter,
  type Route,
  routesOf,
  type Schema,
} from "../../testing/openapi.ts";

/**
 * Malformed requests generated from /openapi.json for every /api/v1 route: each must get a 4xx
 * JSON error in CONTRACT.md's shape, never a 2xx, a 500 or a stack trace. Routes added later are
 * covered automatically. The whole set is sent as the district administrator, who passes every
 * guard and so reaches every parser and schema; what the framework refuses before any handler
 * (NUL, lone surrogates, undecodable or over-long URLs, wrong media types, huge bodies) is sent
 * anonymously and as each of the nine demo roles.
 */
interface Case {
  label: string;
  method: string;
  url: string;
  body?: unknown;
  /** A raw body sent with its own content type (for routes that take something other than JSON). */
  raw?: { contentType: string; payload: string | Buffer };
  /** The answer the case must get whoever sends it, when the framework refuses it before any guard. */
  expect?: { status: number; code: string };
}

const HUGE = "網".repeat(70_000);
const UNICODE = "👨‍👩‍👧 ‮RTL \uFEFF 𠀀";
const UUID = "00000000-0000-4000-8000-000000000000";

/** A value of the wrong JSON type for the schema. */
const wrongType = (s: Schema): unknown =>
  kind(s) === "string" || kind(s) === "enum" ? 12345 : kind(s) === "array" ? "x" : "text";

/** Values that break the schema's declared bounds. */
function outOfBounds(s: Schema): Array<[string, unknown]> {
  const k = kind(s);
  const out: Array<[string, unknown]> = [];
  if (k === "string") {
    out.push(["huge string", HUGE]);
    if (s.format || s.pattern) out.push(["unicode", UNICODE]);
  }
  if (k === "enum") out.push(["value outside the enumeration", "不存在的值"]);
  if (k === "integer" || k === "number") {
    out.push(["enormous number", 1e300]);
    if (s.minimum !== undefined && s.minimum >= 0) out.push(["negative number", -1]);
    if (k === "integer") out.push(["fraction", 1.5]);
  }
  return out;
}

function pathWith(path: string, params: Parameter[], override?: [string, string]): string {
  let url = path;
  for (const p of params.filter((q) => q.in === "path")) {
    const value = override && override[0] === p.name ? override[1] : UUID;
    url = url.replace(`{${p.name}}`, encodeURIComponent(value));
  }
  return url;
}

function casesFor(path: string, method: string, op: Operation): Case[] {
  const params: Parameter[] = op.parameters ?? [];
  const cases: Case[] = [];
  const base = pathWith(path, params);
  const M = method.toUpperCase();
  for (const p of params.filter((q) => q.in === "path")) {
    for (const bad of ["not-an-id", "-1", "9".repeat(60), "１２３", "' or 1=1 --", UNICODE]) {
      cases.push({
        label: `path ${p.name}=${bad.slice(0, 12)}`,
        method: M,
        url: pathWith(path, params, [p.name, bad]),
      });
    }
  }
  const query = params.filter((q) => q.in === "query");
  if (query.length > 0)
    cases.push({ label: "unknown query parameter", method: M, url: `${base}?definitelyUnknown=1` });
  for (const q of query) {
    const values: Array<[string, unknown]> = [
      ["wrong type", kind(q.schema) === "string" ? undefined : "abc"],
      ...outOfBounds(q.schema),
    ];
    for (const [label, v] of values) {
      if (
        v === undefined ||
        (kind(q.schema) === "string" && !q.schema.format && !q.schema.pattern && label === "unicode")
      )
        continue;
      cases.push({
        label: `query ${q.name}: ${label}`,
        method: M,
        url: `${base}?${q.name}=${encodeURIComponent(String(v))}`,
      });
    }
  }
  const types = Object.keys(op.requestBody?.content ?? {});
  if (types.length > 0 && !types.includes("application/json")) {
    // A route that takes another body type (a multipart upload) must refuse JSON and garbage.
    cases.push({ label: "JSON to a non-JSON body", method: M, url: base, body: { file: "x" } });
    for (const type of types.filter((t) => t.startsWith("multipart/"))) {
      cases.push({
        label: `${type} without a boundary`,
        method: M,
        url: base,
        raw: { contentType: type, payload: "garbage" },
      });
      cases.push({
        label: `${type} cut short`,
        method: M,
        url: base,
        raw: {
          contentType: `${type}; boundary=b`,
          payload: `--b\r\ncontent-disposition: form-data; name="file"; filename="x"\r\n\r\n${UNICODE}`,
        },
      });
      cases.push({
        label: `${type} without a file`,
        method: M,
        url: base,
        raw: {
          contentType: `${type}; boundary=b`,
          payload: `--b\r\ncontent-disposition: form-data; name="note"\r\n\r\n${UNICODE}\r\n--b--\r\n`,
        },
      });
    }
  }
  const body: Schema | undefined = op.requestBody?.content?.["application/json"]?.schema;
  if (body?.properties) {
    if ((body.required ?? []).length > 0) cases.push({ label: "empty body", method: M, url: base, body: {} });
    cases.push({ label: "body is an array", method: M, url: base, body: [] });
    cases.push({ label: "unknown body property", method: M, url: base, body: { definitelyUnknown: 1 } });
    for (const [name, prop] of Object.entries(body.properties)) {
      cases.push({
        label: `body ${name}: wrong type`,
        method: M,
        url: base,
        body: { [name]: wrongType(prop) },
      });
      cases.push({ label: `body ${name}: null`, method: M, url: base, body: { [name]: null } });
      for (const [label, v] of outOfBounds(prop))
        cases.push({ label: `body ${name}: ${label}`, method: M, url: base, body: { [name]: v } });
    }
  }
  return cases;
}

/** A body one byte over the JSON limit (app.ts), and a form over the upload limit (files/upload.ts). */
const OVER_JSON = `"${"x".repeat(1024 * 1024)}"`;
const OVER_FORM = Buffer.alloc(10 * 1024 * 1024 + 64 * 1024 + 1, 0x61);

/** What Fastify and its plugins refuse before a handler runs, whoever asks. */
function frameworkCasesFor(path: string, method: string, op: Operation): Case[] {
  const params: Parameter[] = op.parameters ?? [];
  const M = method.toUpperCase();
  const base = pathWith(path, params);
  const firstParam = params.find((p) => p.in === "path");
  const firstQuery = params.find((p) => p.in === "query")?.name ?? "q";
  const invalid = { status: 400, code: "INVALID_INPUT" };
  const cases: Case[] = [
    { label: "NUL in the query", method: M, url: `${base}?${firstQuery}=a%00b`, expect: invalid },
    {
      label: "undecodable URL",
      method: M,
      url: firstParam
        ? pathWith(path, params, [firstParam.name, "%FF"]).replace("%25FF", "%FF")
        : `${base}%FF`,
      expect: { status: 400, code: "MALFORMED_URL" },
    },
  ];
  if (firstParam) {
    cases.push(
      {
        label: `NUL in path ${firstParam.name}`,
        method: M,
        url: pathWith(path, params, [firstParam.name, "a\u0000b"]),
        expect: invalid,
      },
      {
        label: `path ${firstParam.name} over the length limit`,
        method: M,
        url: pathWith(path, params, [firstParam.name, "a".repeat(201)]),
        expect: { status: 414, code: "PARAM_TOO_LONG" },
      },
    );
  }
  if (M === "GET") return cases;
  const types = Object.keys(op.requestBody?.content ?? {});
  const json: Schema | undefined = op.requestBody?.content?.["application/json"]?.schema;
  const text = Object.entries(json?.properties ?? {}).find(([, s]) => kind(s) === "string")?.[0] ?? "name";
  cases.push(
    { label: "text/plain body", method: M, url: base, raw: { contentType: "text/plain", payload: "x" } },
    {
      label: "lone surrogate",
      method: M,
      url: base,
      raw: { contentType: "application/json", payload: `{"${text}":"a\\ud800"}` },
    },
    types.some((t) => t.startsWith("multipart/"))
      ? {
          label: "form over 10 MB",
          method: M,
          url: base,
          raw: { contentType: "multipart/form-data; boundary=b", payload: OVER_FORM },
        }
      : {
          label: "JSON over 1 MB",
          method: M,
          url: base,
          raw: { contentType: "application/json", payload: OVER_JSON },
        },
  );
  return cases;
}

/** Bounds every field must declare, so that huge or absurd values are refused before any work is done. */
function missingBounds(op: Operation): string[] {
  const problems: string[] = [];
  const check = (where: string, s: Schema) => {
    const k = kind(s);
    if (k === "string" && s.maxLength === undefined && !s.format && !s.enum)
      problems.push(`${where}: string without maxLength`);
    if ((k === "integer" || k === "number") && s.maximum === undefined)
      problems.push(`${where}: number without maximum`);
  };
  for (const p of op.parameters ?? []) check(`${p.in} ${p.name}`, p.schema);
  const body: Schema | undefined = op.requestBody?.content?.["application/json"]?.schema;
  for (const [name, prop] of Object.entries(body?.properties ?? {})) check(`body ${name}`, prop);
  if (body && body.additionalProperties !== false) problems.push("body allows unknown properties");
  return problems;
}

let t: TestApp;
let routes: Route[];
let sessions: Record<string, Session>;
beforeAll(async () => {
  ({ t, sessions } = await startWithSessions());
  routes = await routesOf(t.app);
});
afterAll(() => t.close());

/** Every operation of the document with its cases. */
const operations = (make: (path: string, method: string, op: Operation) => Case[]) =>
  routes.map(({ path, method, op }) => ({ path, cases: make(path, method, op) }));

/** Sends each case with the caller's headers; returns what broke the contract. */
async function failuresOf(
  cases: Array<{ path: string; cases: Case[] }>,
  who: string,
  headers: Record<string, string>,
) {
  const failures: string[] = [];
  for (const { path, cases: list } of cases) {
    for (const c of list) {
      const res = await t.app.inject({
        method: c.method as "GET",
        url: c.url,
        headers,
        ...(c.body !== undefined
          ? { payload: JSON.stringify(c.body), headers: { ...headers, "content-type": "application/json" } }
          : {}),
        ...(c.raw
          ? { payload: c.raw.payload, headers: { ...headers, "content-type": c.raw.contentType } }
          : {}),
      });
      let ok = res.statusCode >= 400 && res.statusCode < 500 && !/\n\s+at /.test(res.body);
      try {
        const e = res.json().error;
        ok &&= typeof e.code === "string" && typeof e.message === "string" && e.details !== undefined;
        if (c.expect) ok &&= res.statusCode === c.expect.status && e.code === c.expect.code;
      } catch {
        ok = false;
      }
      if (!ok)
        failures.push(
          `${who}: ${c.method} ${path} [${c.label}] → ${res.statusCode} ${res.body.slice(0, 120)}`,
        );
    }
  }
  return failures;
}

const total = (cases: Array<{ cases: Case[] }>) => cases.reduce((n, o) => n + o.cases.length, 0);

describe("malformed requests on every route of /openapi.json", () => {
  it("declares bounds on every input field", () => {
    const problems = routes.flatMap(({ method, path, op }) =>
      missingBounds(op).map((p) => `${method} ${path} ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it("answers each with a 4xx JSON error, as the district administrator", async () => {
    const cases = operations((path, method, op) => [
      ...casesFor(path, method, op),
      ...frameworkCasesFor(path, method, op),
    ]);
    const admin = sessions.districtAdmin as Session;
    expect(await failuresOf(cases, "districtAdmin", admin.headers)).toEqual([]);
    const count = total(cases);
    console.log(
      `fuzz: ${count} malformed requests as the district administrator on ${cases.length} operations`,
    );
    // The generator must actually generate: a handful of cases per route at least.
    expect(count).toBeGreaterThan(cases.length * 3);
  });

  it("refuses what the framework refuses the same way, anonymously and as every other role", async () => {
    const cases = operations(frameworkCasesFor);
    const callers: Array<[string, Record<string, string>]> = [
      ["anonymous", {}],
      ...Object.entries(sessions)
        .filter(([role]) => role !== "districtAdmin")
        .map(([role, s]): [string, Record<string, string>] => [role, s.headers]),
    ];
    const failures: string[] = [];
    for (const [who, headers] of callers) failures.push(...(await failuresOf(cases, who, headers)));
    expect(failures).toEqual([]);
    console.log(
      `fuzz: ${total(cases) * callers.length} framework-level malformed requests (${total(cases)} each, ${callers.length} callers: anonymous and ${callers.length - 1} roles)`,
    );
  });
});
