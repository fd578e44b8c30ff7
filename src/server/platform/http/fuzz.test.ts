import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, tokenFor } from "../../testing/harness.ts";

/**
 * Malformed requests generated from /openapi.json for every /api/v1 route: each must get a 4xx
 * JSON error, never a 2xx, a 500 or a stack trace. Routes added later are covered automatically.
 */
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  maxLength?: number;
  maximum?: number;
  minimum?: number;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  additionalProperties?: boolean;
  const?: unknown;
}
interface Parameter {
  in: "path" | "query";
  name: string;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
type Paths = Record<string, Record<string, Operation>>;
interface Case {
  label: string;
  method: string;
  url: string;
  body?: unknown;
  /** A raw body sent with its own content type (for routes that take something other than JSON). */
  raw?: { contentType: string; payload: string };
}

const HUGE = "網".repeat(70_000);
const UNICODE = "👨‍👩‍👧 ‮RTL \uFEFF 𠀀";
const UUID = "00000000-0000-4000-8000-000000000000";

const kind = (s: Schema): string => {
  if (s.anyOf) return s.anyOf.every((a) => a.const !== undefined || a.enum) ? "enum" : kind(s.anyOf[0] ?? {});
  return (Array.isArray(s.type) ? s.type[0] : s.type) ?? "unknown";
};

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
let doc: { paths: Paths };
let auth: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  auth = { authorization: `Bearer ${await tokenFor(t.app, "13800000001")}` };
  doc = (await t.app.inject({ url: "/openapi.json" })).json();
});
afterAll(() => t.close());

describe("malformed requests on every route of /openapi.json", () => {
  it("declares bounds on every input field", () => {
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const p of missingBounds(op)) problems.push(`${method.toUpperCase()} ${path} ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("answers each with a 4xx JSON error", async () => {
    const failures: string[] = [];
    let count = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const c of casesFor(path, method, op)) {
          count++;
          const res = await t.app.inject({
            method: c.method as "GET",
            url: c.url,
            headers: auth,
            ...(c.body !== undefined
              ? { payload: JSON.stringify(c.body), headers: { ...auth, "content-type": "application/json" } }
              : {}),
            ...(c.raw
              ? { payload: c.raw.payload, headers: { ...auth, "content-type": c.raw.contentType } }
              : {}),
          });
          let ok = res.statusCode >= 400 && res.statusCode < 500 && !/\n\s+at /.test(res.body);
          try {
            const e = res.json().error;
            ok &&= typeof e.code === "string" && typeof e.message === "string";
          } catch {
            ok = false;
          }
          if (!ok)
            failures.push(`${c.method} ${path} [${c.label}] → ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The generator must actually generate: a handful of cases per route at least.
    expect(count).toBeGreaterThan(Object.keys(doc.paths).length * 3);
  });
});
