import { errorMessage, type MessageCode } from "./i18n/messages.ts";

/**
 * The one error type routes and services throw: a code and the details its texts are filled from.
 * The texts people read live only in messages.ts; `message` is the zh-CN one, for logs. The HTTP
 * error handler turns it (and every schema or parser failure) into CONTRACT.md's
 * `{"error":{"code","message","details"}}` in the reader's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(errorMessage(code, "zh-CN", details));
    this.name = "AppError";
  }
}

export const badRequest = (code: MessageCode, details?: unknown) => new AppError(code, 400, details);
export const unauthorized = () => new AppError("UNAUTHORIZED", 401);
export const forbidden = () => new AppError("FORBIDDEN", 403);
/** Also the answer for objects outside the caller's territory scope: their existence is not revealed. */
export const notFound = (entity: string, id?: string) =>
  new AppError("NOT_FOUND", 404, id === undefined ? { entity } : { entity, id });
export const conflict = (code: MessageCode, details?: unknown) => new AppError(code, 409, details);
export const unprocessable = (code: MessageCode, details?: unknown) => new AppError(code, 422, details);
