import Ajv from "ajv";
import addFormats from "ajv-formats";
import type { FastifyInstance } from "fastify";
import sjson from "secure-json-parse";
import { AppError } from "../errors.ts";

const FORM = "application/x-www-form-urlencoded";

/**
 * Bodies are validated strictly (a number is not a string); query strings and path params are
 * text on the wire, so they are coerced. Neither strips unknown properties: a schema with
 * `additionalProperties: false` refuses them, so a misspelt filter is an error, not ignored.
 */
function makeAjv(coerce: boolean) {
  const ajv = new Ajv({
    coerceTypes: coerce ? "array" : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

/** A NUL character, or half of a UTF-16 surrogate pair (JSON's `"\ud800"`). */
const UNSTORABLE = /[\0\p{Cs}]/u;

/** Where in a parsed value (keys included) the first unstorable string is, or null. */
function unstorableAt(value: unknown): string | null {
  // A loop, not recursion: a 1 MB body may nest arrays a hundred thousand deep.
  const pending: Array<[unknown, string]> = [[value, ""]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [v, path] = next;
    if (typeof v === "string") {
      if (UNSTORABLE.test(v)) return path || "/";
    } else if (v !== null && typeof v === "object") {
      for (const [key, inner] of Object.entries(v)) {
        if (UNSTORABLE.test(key)) return `${path}/${key}`;
        pending.push([inner, `${path}/${key}`]);
      }
    }
  }
  return null;
}

/**
 * Refuses (400 INVALID_INPUT) text that PostgreSQL cannot store as sent: a NUL character fails the
 * statement (a 500 after the work was done), a lone surrogate is silently stored as U+FFFD. Every
 * query string, path, JSON and form body passes through here before a handler sees it.
 */
export function assertStorableText(value: unknown, where: string): void {
  const path = unstorableAt(value);
  if (path !== null)
    throw new AppError("INVALID_INPUT", 400, {
      in: where,
      path,
    });
}

export function installValidation(app: FastifyInstance): void {
  // First of the hooks: before the guard reads the query (a token's scopes) or anything else does.
  app.addHook("onRequest", async (request) => {
    assertStorableText(request.params, "params");
    assertStorableText(request.query, "querystring");
  });
  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart, contentType }) => {
    // Multipart bodies are streamed to the handler, which checks them itself; their schema only
    // documents the form in /openapi.json.
    if (httpPart === "body" && contentType?.startsWith("multipart/")) return () => true;
    // Form fields are text on the wire, like query strings: coerced.
    const textual = httpPart !== "body" || contentType === FORM;
    return (textual ? coercing : strict).compile(schema as object);
  });
}

/** JSON bodies: prototype-poisoning keys refused (secure-json-parse), then text PostgreSQL cannot store. */
export function installJsonParser(app: FastifyInstance): void {
  // JSON only: any other body type is 415, never guessed at.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    const text = body as string;
    if (text.trim() === "") return done(null, undefined);
    let parsed: unknown;
    try {
      parsed = sjson.parse(text, undefined, { protoAction: "error", constructorAction: "error" });
    } catch {
      return done(new AppError("MALFORMED_JSON", 400), undefined);
    }
    try {
      assertStorableText(parsed, "body");
    } catch (err) {
      return done(err as AppError, undefined);
    }
    done(null, parsed);
  });
}

/** Keys that would reach an object's prototype when assigned. */
const POISON_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export type FormBody = Record<string, string | string[]>;

/**
 * An `application/x-www-form-urlencoded` body as an object: a repeated key becomes an array in
 * order, and keys are kept literally (`attribute[code]` stays one key, not a nested object).
 */
export function parseForm(text: string): FormBody {
  const out: FormBody = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (POISON_KEYS.has(key)) throw new AppError("MALFORMED_FORM", 400, { key });
    // Own keys only: `toString` in a form is a field, not Object.prototype's method.
    const seen = Object.hasOwn(out, key) ? out[key] : undefined;
    if (seen === undefined) out[key] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else out[key] = [seen, value];
  }
  assertStorableText(out, "body");
  return out;
}

/**
 * Form bodies, for a plugin scope that must take them (Open311 clients post forms); not installed
 * globally, where JSON stays the only body type. Use it inside `app.register(async (scope) => …)`.
 * Every form value arrives as text: declare the route's body as
 * `{ content: { "application/x-www-form-urlencoded": { schema } } }` and it is validated with
 * coercion ("12" → 12, one value → an array), like a query string.
 */
export function installFormParser(scope: FastifyInstance): void {
  scope.addContentTypeParser(FORM, { parseAs: "string" }, (_req, body, done) => {
    try {
      done(null, parseForm(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}
