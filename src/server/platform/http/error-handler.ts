import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";
import { errorMessage, pickLocale } from "../i18n/messages.ts";

/** What a failure answers with: the message is the catalogue's, in the reader's language. */
interface ErrorBody {
  code: string;
  status: number;
  details?: unknown;
}

/**
 * Fastify's and its plugins' client errors (their own codes, English messages), mapped to
 * CONTRACT.md's codes, which messages.ts words in both languages.
 */
const FRAMEWORK_CODES: Record<string, { code: string; status: number }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: "UNSUPPORTED_MEDIA_TYPE", status: 415 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: "BAD_REQUEST", status: 400 },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "PAYLOAD_TOO_LARGE", status: 413 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "MALFORMED_JSON", status: 400 },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "MALFORMED_JSON", status: 400 },
  FST_ERR_CTP_EMPTY_TYPE: { code: "UNSUPPORTED_MEDIA_TYPE", status: 415 },
  FST_ERR_CTP_INVALID_TYPE: { code: "UNSUPPORTED_MEDIA_TYPE", status: 415 },
  FST_ERR_BAD_URL: { code: "MALFORMED_URL", status: 400 },
  FST_ERR_MAX_PARAM_LENGTH: { code: "PARAM_TOO_LONG", status: 414 },
  FST_ERR_ASYNC_CONSTRAINT: { code: "BAD_REQUEST", status: 400 },
  // @fastify/multipart
  FST_PARTS_LIMIT: { code: "TOO_MANY_PARTS", status: 413 },
  FST_FILES_LIMIT: { code: "TOO_MANY_PARTS", status: 413 },
  FST_FIELDS_LIMIT: { code: "TOO_MANY_PARTS", status: 413 },
  FST_REQ_FILE_TOO_LARGE: { code: "FILE_TOO_LARGE", status: 413 },
  FST_PROTO_VIOLATION: { code: "MALFORMED_MULTIPART", status: 400 },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: "UNSUPPORTED_MEDIA_TYPE", status: 415 },
  FST_INVALID_JSON_FIELD_ERROR: { code: "MALFORMED_MULTIPART", status: 400 },
  FST_MP_PREMATURE_CLOSE: { code: "MALFORMED_MULTIPART", status: 400 },
};

/** Other client errors (@fastify/static's, from `send`, carry a status and no code) by their status. */
const STATUS_CODES: Record<number, string> = {
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  412: "PRECONDITION_FAILED",
  413: "PAYLOAD_TOO_LARGE",
  414: "URI_TOO_LONG",
  415: "UNSUPPORTED_MEDIA_TYPE",
  416: "RANGE_NOT_SATISFIABLE",
};

function toErrorBody(err: FastifyError | AppError | Error): ErrorBody {
  if (err instanceof AppError) return { code: err.code, status: err.status, details: err.details };
  const fe = err as FastifyError;
  if (fe.validation) {
    const details = fe.validation.map((v) => ({
      in: fe.validationContext ?? "body",
      path: v.instancePath || "/",
      rule: v.keyword,
      message: v.message ?? "invalid",
      ...(v.keyword === "additionalProperties" ? { property: v.params.additionalProperty } : {}),
      ...(v.keyword === "required" ? { property: v.params.missingProperty } : {}),
    }));
    return { code: "VALIDATION_FAILED", status: 400, details };
  }
  const known = fe.code ? FRAMEWORK_CODES[fe.code] : undefined;
  if (known) return known;
  if (err instanceof SyntaxError) return { code: "MALFORMED_JSON", status: 400 };
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // The framework's own code stays visible in the details, for whoever debugs a client.
    const details = fe.code ? { cause: fe.code } : null;
    return { code: STATUS_CODES[status] ?? "BAD_REQUEST", status, details };
  }
  return { code: "INTERNAL", status: 500 };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, body: ErrorBody) {
  const locale = pickLocale(request.headers["accept-language"]);
  // `details` is always there: null when the code and message say it all.
  const error = {
    code: body.code,
    message: errorMessage(body.code, locale, body.details),
    details: body.details ?? null,
  };
  return reply.status(body.status).type("application/json; charset=utf-8").send({ error });
}

/** Every failure leaves as CONTRACT.md's JSON; the stack goes to the log, never to the client. */
function handleError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const body = toErrorBody(err);
  if (body.status >= 500) request.log.error({ err }, "request failed");
  return sendError(request, reply, body);
}

/**
 * For Fastify's `frameworkErrors` option: a URL the router cannot decode (`/cases/%FF`) or a path
 * parameter over `maxParamLength` fails before any route or error handler is chosen; without this,
 * Fastify answers those in a shape of its own.
 */
export const frameworkErrorHandler = handleError;

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, { code: "ROUTE_NOT_FOUND", status: 404 }),
  );
}

/**
 * A request Node's HTTP parser refuses before Fastify sees it (raw non-ASCII in the URL, broken
 * headers): still CONTRACT.md's JSON, in the default language since no request could be read.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
  const code = tooLarge ? "HEADERS_TOO_LARGE" : "MALFORMED_REQUEST";
  const body = JSON.stringify({
    error: { code, message: errorMessage(code, "zh-CN"), details: null },
  });
  socket.end(
    `HTTP/1.1 ${tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}
