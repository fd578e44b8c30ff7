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

export function installValidation(app: FastifyInstance): void {
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

/**
 * JSON bodies: prototype-poisoning keys refused (secure-json-parse), and NUL characters refused
 * up front, because PostgreSQL cannot store them in text and would fail later with a 500.
 */
export function installJsonParser(app: FastifyInstance): void {
  // JSON only: any other body type is 415, never guessed at.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    const text = body as string;
    if (text.trim() === "") return done(null, undefined);
    if (text.includes("\\u0000") || text.includes("\u0000")) {
      return done(new AppError("MALFORMED_JSON", 400, "NUL characters are not allowed in text"), undefined);
    }
    try {
      done(null, sjson.parse(text, undefined, { protoAction: "error", constructorAction: "error" }));
    } catch (err) {
      done(new AppError("MALFORMED_JSON", 400, (err as Error).message), undefined);
    }
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
    if (POISON_KEYS.has(key))
      throw new AppError("MALFORMED_FORM", 400, `The form key "${key}" is not allowed`);
    if (key.includes("\u0000") || value.includes("\u0000")) {
      throw new AppError("MALFORMED_FORM", 400, "NUL characters are not allowed in text");
    }
    // Own keys only: `toString` in a form is a field, not Object.prototype's method.
    const seen = Object.hasOwn(out, key) ? out[key] : undefined;
    if (seen === undefined) out[key] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else out[key] = [seen, value];
  }
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
