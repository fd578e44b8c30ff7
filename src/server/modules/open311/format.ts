import { XMLBuilder } from "fast-xml-parser";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../platform/errors.ts";
import { errorMessage, type Locale, pickLocale } from "../../platform/i18n/messages.ts";

/** GeoReport v2 picks the format by the resource's extension: `services.xml`, `requests/1.json`. */
export type Format = "json" | "xml";

export const JSON_TYPE = "application/json; charset=utf-8";
export const XML_TYPE = "text/xml; charset=utf-8";

/** Text in both of the platform's languages; the caller's Accept-Language picks one. */
export interface Said {
  zh: string;
  en: string;
}

export const pick = (locale: Locale, text: Said) => (locale === "en" ? text.en : text.zh);

/** A failure in the specification's shape: the HTTP status and one or more `{code, description}`. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly errors: Said[],
  ) {
    super(errors[0]?.en ?? "Open311 error");
    this.name = "Open311Error";
  }
}

export const open311Error = (status: number, zh: string, en: string) =>
  new Open311Error(status, [{ zh, en }]);

/** The format named by a route's `:format` parameter; anything else is a resource that does not exist. */
export function formatOf(ext: string): Format {
  const format = ext.toLowerCase();
  if (format === "json" || format === "xml") return format;
  throw open311Error(
    404,
    `不支持的格式“${ext}”，请使用 .json 或 .xml`,
    `Unknown format "${ext}": use .json or .xml`,
  );
}

/** The format an error is answered in: XML when the URL asked for XML, JSON otherwise. */
function formatOfUrl(url: string): Format {
  const path = url.split("?")[0] ?? "";
  return /\.xml$/i.test(path) ? "xml" : "json";
}

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false });
// XML 1.0 cannot carry control characters at all, escaped or not; they are dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to drop
const NOT_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlSafe(value: unknown): unknown {
  if (typeof value === "string") return value.replace(NOT_XML, "");
  if (Array.isArray(value)) return value.map(xmlSafe);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafe(v)]));
  return value;
}

/** An XML document: the declaration the specification requires, then the root element. */
export function toXml(root: string, content: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: xmlSafe(content) })}`;
}

/**
 * One answer in either format. `xml` is the same data in the specification's XML shape (a list is a
 * wrapper element with one child per item, e.g. `<services><service>…`), since JSON and XML differ there.
 */
export function send(
  reply: FastifyReply,
  format: Format,
  status: number,
  json: unknown,
  xml: { root: string; content: unknown },
) {
  reply.code(status);
  if (format === "xml") return reply.type(XML_TYPE).send(toXml(xml.root, xml.content));
  return reply.type(JSON_TYPE).send(JSON.stringify(json));
}

/** A list of records as XML: `<root><item>…</item>…</root>`. */
export const listXml = (root: string, item: string, items: unknown[]) => ({
  root,
  content: items.length > 0 ? { [item]: items } : "",
});

function sendErrors(request: FastifyRequest, reply: FastifyReply, status: number, errors: Said[]) {
  const locale = pickLocale(request.headers["accept-language"]);
  const list = errors.map((e) => ({ code: status, description: pick(locale, e) }));
  return send(reply, formatOfUrl(request.url), status, list, listXml("errors", "error", list));
}

/**
 * The specification's statuses: 404 for what does not exist, 403 for a missing or wrong api_key,
 * 400 for anything else the request got wrong. Other 4xx the platform raises (413, 415, 429) keep theirs.
 */
function statusFor(status: number): number {
  if (status === 401 || status === 403) return 403;
  if (status === 409 || status === 422) return 400;
  return status;
}

/** The platform's message for an error code in both languages. */
function toSaid(err: FastifyError | AppError): Said {
  if (!(err instanceof AppError)) return { zh: err.message, en: err.message };
  return {
    zh: errorMessage(err.code, "zh-CN", err.details),
    en: errorMessage(err.code, "en", err.details),
  };
}

/**
 * Every failure under /open311/v2 leaves in the specification's error list, never in /api/v1's
 * `{"error":…}` shape. A server fault is reported as the specification's "general service error"
 * (400, as it prescribes); the stack goes only to the log.
 */
export function installOpen311Errors(scope: FastifyInstance): void {
  scope.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof Open311Error) return sendErrors(request, reply, err.status, err.errors);
    if (err.validation)
      return sendErrors(request, reply, 400, [{ zh: `请求参数不合法：${err.message}`, en: err.message }]);
    const status = err instanceof AppError ? err.status : (err.statusCode ?? 500);
    if (status >= 400 && status < 500) return sendErrors(request, reply, statusFor(status), [toSaid(err)]);
    request.log.error({ err }, "open311 request failed");
    return sendErrors(request, reply, 400, [
      { zh: "服务暂时出错，请稍后再试", en: "General service error: please try again later" },
    ]);
  });
  scope.setNotFoundHandler((request, reply) =>
    sendErrors(request, reply, 404, [
      {
        zh: `没有这个资源：${request.method} ${request.url.split("?")[0]}`,
        en: `No such resource: ${request.method} ${request.url.split("?")[0]}`,
      },
    ]),
  );
}
