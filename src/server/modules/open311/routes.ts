import type { FastifyRequest } from "fastify";
import type { App } from "../../platform/http/types.ts";
import { installFormParser } from "../../platform/http/validation.ts";
import { pickLocale } from "../../platform/i18n/messages.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { formatOf, installOpen311Errors, listXml, send } from "./format.ts";
import {
  findRequests,
  listServices,
  parseRequestQuery,
  requestByCode,
  serviceDefinition,
} from "./service.ts";
import { fileRequest } from "./submit.ts";

type Query = Record<string, string | string[]>;

// GeoReport v2 reads need no key: anyone may see the services and the public view of requests.
const open = { access: "public" as const };
// The specification is this API's documentation; /openapi.json describes /api/v1 only.
const schema = { hide: true };

const localeOf = (request: FastifyRequest) => pickLocale(request.headers["accept-language"]);
const params = (request: FastifyRequest) => request.params as Record<string, string>;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), to be registered with the prefix
 * /open311/v2: services.{fmt}, services/{code}.{fmt}, requests.{fmt} GET and POST, requests/{id}.{fmt}.
 */
export async function open311Routes(scope: App, { db }: ModuleContext): Promise<void> {
  installOpen311Errors(scope);
  // The specification's clients post forms (`attribute[code]=…`), not JSON.
  installFormParser(scope);

  scope.get("/services.:format", { config: open, schema }, async (request, reply) => {
    const format = formatOf(params(request).format ?? "");
    const services = await listServices(db, localeOf(request));
    return send(reply, format, 200, services, listXml("services", "service", services));
  });

  scope.get("/services/:service_code.:format", { config: open, schema }, async (request, reply) => {
    const { service_code: code = "", format: ext = "" } = params(request);
    const format = formatOf(ext);
    const definition = await serviceDefinition(db, code, localeOf(request));
    // In XML each list is a wrapper element: <attributes><attribute>…<values><value>….
    const attributes = definition.attributes.map(({ values, ...a }) =>
      values ? { ...a, values: listXml("values", "value", values).content } : a,
    );
    const xml = {
      service_code: definition.service_code,
      attributes: listXml("attributes", "attribute", attributes).content,
    };
    return send(reply, format, 200, definition, { root: "service_definition", content: xml });
  });

  scope.get("/requests.:format", { config: open, schema }, async (request, reply) => {
    const format = formatOf(params(request).format ?? "");
    const found = await findRequests(db, parseRequestQuery(request.query as Query), localeOf(request));
    return send(reply, format, 200, found, listXml("service_requests", "request", found));
  });

  scope.get("/requests/:service_request_id.:format", { config: open, schema }, async (request, reply) => {
    const { service_request_id: id = "", format: ext = "" } = params(request);
    const format = formatOf(ext);
    const found = await requestByCode(db, id, localeOf(request));
    return send(reply, format, 200, found, listXml("service_requests", "request", found));
  });

  // Public at the route: the specification authenticates the filer by the form's api_key (one of
  // our API tokens, POST /api/v1/auth/tokens), which fileRequest resolves and refuses with 403.
  scope.post("/requests.:format", { config: open, schema }, async (request, reply) => {
    const format = formatOf(params(request).format ?? "");
    const locale = localeOf(request);
    const { code, notice } = await fileRequest(db, request.body, request.query as Query, request.ip, locale);
    const created = [{ service_request_id: code, service_notice: notice, account_id: null }];
    return send(reply, format, 201, created, listXml("service_requests", "request", created));
  });
}
