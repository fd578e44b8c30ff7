import type { App } from "../platform/http/types.ts";

/**
 * /openapi.json read the way the route-walking tests need it (fuzz.test.ts, scope.test.ts): every
 * operation with its parameters and JSON body schema, and values that satisfy a schema.
 */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minLength?: number;
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
export interface Parameter {
  in: "path" | "query";
  name: string;
  required?: boolean;
  schema: Schema;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
export type Paths = Record<string, Record<string, Operation>>;

export interface Route {
  /** Upper case: GET, POST, … */
  method: string;
  /** As the document names it: /api/v1/orders/{idOrCode}. */
  path: string;
  op: Operation;
}

export async function openApi(app: App): Promise<{ paths: Paths }> {
  return (await app.inject({ url: "/openapi.json" })).json();
}

/** Every operation of the document, in its order. */
export async function routesOf(app: App): Promise<Route[]> {
  const doc = await openApi(app);
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

/** The JSON type of a schema; "enum" for a union of constants. */
export const kind = (s: Schema): string => {
  if (s.anyOf) return s.anyOf.every((a) => a.const !== undefined || a.enum) ? "enum" : kind(s.anyOf[0] ?? {});
  return (Array.isArray(s.type) ? s.type[0] : s.type) ?? "unknown";
};

/** The path with its parameters filled in from `values` (URL-encoded), `fallback` for the rest. */
export function fillPath(path: string, values: Record<string, string>, fallback = ""): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? fallback));
}

export const pathParams = (op: Operation) => (op.parameters ?? []).filter((p) => p.in === "path");
export const queryParams = (op: Operation) => (op.parameters ?? []).filter((p) => p.in === "query");
export const jsonBody = (op: Operation): Schema | undefined =>
  op.requestBody?.content?.["application/json"]?.schema;

/**
 * A value the schema accepts, as small as it allows: required properties only, the first of an
 * enumeration, the minimum of a number. `given` answers first for a property by its name (a value
 * the schema alone cannot guess: a file id, a phone number); undefined leaves it to the schema.
 */
export function sampleOf(s: Schema, given: (name: string) => unknown = () => undefined, name = ""): unknown {
  const chosen = given(name);
  if (chosen !== undefined) return chosen;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf) {
    const first = s.anyOf[0] ?? {};
    return first.const ?? first.enum?.[0] ?? sampleOf(first, given, name);
  }
  switch (kind(s)) {
    case "object":
      return Object.fromEntries(
        (s.required ?? []).map((p) => [p, sampleOf(s.properties?.[p] ?? {}, given, p)]),
      );
    case "array":
      return Array.from({ length: s.minItems ?? 0 }, () => sampleOf(s.items ?? {}, given, name));
    case "integer":
    case "number":
      return s.minimum ?? 1;
    case "boolean":
      return true;
    case "string":
      if (s.format === "uuid") return "00000000-0000-4000-8000-000000000000";
      if (s.format === "date-time") return new Date(Date.now() + 2 * 86_400_000).toISOString();
      if (s.format === "date") return new Date().toISOString().slice(0, 10);
      return "测试".repeat(Math.ceil(Math.max(s.minLength ?? 1, 2) / 2)).slice(0, s.maxLength ?? 100);
    default:
      return null;
  }
}

/** Runs the tasks `width` at a time, in order of start; the answers in the tasks' order. */
export async function inParallel<T>(tasks: Array<() => Promise<T>>, width = 8): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return out;
}

/**
 * The ids of the objects a list answer shows: the objects of its arrays (items, a hall's open and
 * taken, a bare array), GeoJSON features by their properties' id, devices by their serial.
 */
export function listedIds(body: unknown): string[] {
  const arrays = Array.isArray(body)
    ? [body]
    : Object.values((body ?? {}) as Record<string, unknown>).filter(Array.isArray);
  return (arrays as unknown[][]).flatMap((a) =>
    a.flatMap((x) => {
      const o = (x ?? {}) as { id?: unknown; deviceId?: unknown; properties?: { id?: unknown } };
      const id = o.properties?.id ?? o.id ?? o.deviceId;
      return typeof id === "string" ? [id] : [];
    }),
  );
}
