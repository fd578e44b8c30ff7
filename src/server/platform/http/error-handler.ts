import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";
import { errorMessage, pickLocale } from "../i18n/messages.ts";

interface ErrorBody {
  code: string;
  status: number;
  message: string;
  details?: unknown;
}

// Fastify's own client errors, mapped to CONTRACT.md's codes.
const FASTIFY_CODES: Record<string, { code: string; status: number }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: "UNSUPPORTED_MEDIA_TYPE", status: 415 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: "BAD_REQUEST", status: 400 },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "PAYLOAD_TOO_LARGE", status: 413 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "MALFORMED_JSON", status: 400 },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "MALFORMED_JSON", status: 400 },
  FST_ERR_CTP_EMPTY_TYPE: { code: "UNSUPPORTED_MEDIA_TYPE", status: 415 },
  FST_ERR_CTP_INVALID_TYPE: { code: "UNSUPPORTED_MEDIA_TYPE", status: 415 },
  FST_ERR_BAD_URL: { code: "BAD_REQUEST", status: 400 },
  FST_ERR_ASYNC_CONSTRAINT: { code: "BAD_REQUEST", status: 400 },
};

function toErrorBody(err: FastifyError | AppError | Error): ErrorBody {
  if (err instanceof AppError)
    return { code: err.code, status: err.status, message: err.message, details: err.details };
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
    return { code: "VALIDATION_FAILED", status: 400, message: "The request is not valid", details };
  }
  const known = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (known) return { ...known, message: fe.message };
  if (err instanceof SyntaxError) return { code: "MALFORMED_JSON", status: 400, message: err.message };
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return { code: fe.code?.replace(/^FST_ERR_/, "") ?? "BAD_REQUEST", status, message: fe.message };
  }
  return { code: "INTERNAL", status: 500, message: "Internal error" };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, body: ErrorBody) {
  const locale = pickLocale(request.headers["accept-language"]);
  const error: Record<string, unknown> = {
    code: body.code,
    message: errorMessage(body.code, locale, body.message),
  };
  if (body.details !== undefined) error.details = body.details;
  return reply.status(body.status).type("application/json; charset=utf-8").send({ error });
}

/** Every failure leaves as CONTRACT.md's JSON; the stack goes to the log, never to the client. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const body = toErrorBody(err);
    if (body.status >= 500) request.log.error({ err }, "request failed");
    return sendError(request, reply, body);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, {
      code: "ROUTE_NOT_FOUND",
      status: 404,
      message: `No route ${request.method} ${request.url.split("?")[0]}`,
    }),
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
    error: { code, message: errorMessage(code, "zh-CN", "Malformed HTTP request") },
  });
  socket.end(
    `HTTP/1.1 ${tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}
