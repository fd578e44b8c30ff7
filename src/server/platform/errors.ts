/**
 * The one error type routes and services throw. The HTTP error handler turns it (and every
 * schema or parser failure) into CONTRACT.md's `{"error":{"code","message","details"}}`.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(code, 400, message, details);
export const unauthorized = (message = "Please log in first") => new AppError("UNAUTHORIZED", 401, message);
export const forbidden = (message = "You are not allowed to do this") =>
  new AppError("FORBIDDEN", 403, message);
/** Also the answer for objects outside the caller's territory scope: their existence is not revealed. */
export const notFound = (entity: string, id?: string) =>
  new AppError("NOT_FOUND", 404, `${entity} not found`, id === undefined ? { entity } : { entity, id });
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError(code, 409, message, details);
export const unprocessable = (code: string, message: string, details?: unknown) =>
  new AppError(code, 422, message, details);
