import multipart, { type Multipart, type MultipartFile } from "@fastify/multipart";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { AppError, badRequest } from "../errors.ts";
import type { App } from "../http/types.ts";
import { assertStorableText } from "../http/validation.ts";
import { fileTooLarge, MAX_FILE_BYTES } from "./files.ts";

/** Room for the multipart envelope around the file: part headers, boundaries, a few small fields. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Registers `routes` in a scope where multipart/form-data (one file of at most 10 MB) replaces
 * JSON as the one body type; every other route keeps taking JSON alone.
 */
export function multipartScope(app: App, routes: (scope: App) => void): void {
  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    scope.removeAllContentTypeParsers();
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 50 },
    });
    routes(scope);
  });
}

/** The text of a form's fields before its file, and the file's name: what a handler may store. */
function formText(file: MultipartFile): Record<string, unknown> {
  const text: Record<string, unknown> = { filename: file.filename };
  for (const [name, parts] of Object.entries(file.fields)) {
    const list: Multipart[] = Array.isArray(parts) ? parts : parts ? [parts] : [];
    text[`field ${name}`] = list.map((p) => (p.type === "field" ? p.value : null));
  }
  return text;
}

/**
 * Hands the request's one file part to `read`; an over-long file (the parser stops at the limit
 * and drains the rest) is given to `discard` and answered 413. Parser failures are 4xx.
 */
export async function receiveFilePart<T>(
  req: FastifyRequest,
  read: (part: MultipartFile) => Promise<T>,
  discard: (read: T) => Promise<void> = async () => {},
): Promise<T> {
  if (!req.isMultipart()) throw new AppError("UNSUPPORTED_MEDIA_TYPE", 415);
  // A body that announces more than the limit is refused before a byte of it is read.
  if (Number(req.headers["content-length"] ?? 0) > MAX_FILE_BYTES + ENVELOPE_BYTES) throw fileTooLarge();
  try {
    const part = await req.file();
    if (!part) throw badRequest("NO_FILE");
    assertStorableText(formText(part), "form");
    const result = await read(part);
    if (part.file.truncated) {
      await discard(result);
      throw fileTooLarge();
    }
    return result;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { code?: string; statusCode?: number; message?: string };
    if (e.code === "FST_REQ_FILE_TOO_LARGE") throw fileTooLarge();
    // The parser's other limits: parts, files, fields.
    if (e.statusCode === 413) throw new AppError("TOO_MANY_PARTS", 413);
    // The parser's own complaints (no boundary, truncated body, …) are the client's mistake.
    if (e.code === undefined || (e.statusCode !== undefined && e.statusCode < 500))
      throw badRequest("MALFORMED_MULTIPART");
    throw err;
  }
}
