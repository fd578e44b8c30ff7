import Ajv from "ajv";
import addFormats from "ajv-formats";
import type { FastifyInstance } from "fastify";
import sjson from "secure-json-parse";
import { AppError } from "../errors.ts";

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
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === "body" ? strict : coercing).compile(schema as object),
  );
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
