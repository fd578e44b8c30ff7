import multipart from "@fastify/multipart";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import type { Db } from "../db/index.ts";
import { AppError, badRequest, notFound } from "../errors.ts";
import { type App, ErrorBody } from "../http/types.ts";
import { FileId, fileTooLarge, getFile, MAX_FILE_BYTES, storePhoto } from "./files.ts";
import { FileStore, type Received } from "./store.ts";

const tags = ["files"];
/** Room for the multipart envelope around the file: part headers, boundaries, a few small fields. */
const ENVELOPE_BYTES = 64 * 1024;

const Stored = Type.Object({
  id: FileId,
  mime: Type.String(),
  size: Type.Integer(),
  url: Type.String({ description: "where the bytes are served: /api/v1/files/{id}" }),
});

/** Reads the request's one file part into the store's temporary area; multipart failures are 4xx. */
async function receiveUpload(req: FastifyRequest, store: FileStore): Promise<Received> {
  if (!req.isMultipart())
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", 415, "Send the file as multipart/form-data");
  // A body that announces more than the limit is refused before a byte of it is read.
  if (Number(req.headers["content-length"] ?? 0) > MAX_FILE_BYTES + ENVELOPE_BYTES) throw fileTooLarge();
  try {
    const part = await req.file();
    if (!part) throw badRequest("NO_FILE", "The form has no file part");
    // The parser stops at the limit and drains the rest of the request, so nothing over-long is kept.
    const received = await store.receive(part.file);
    if (part.file.truncated) {
      await store.discard(received);
      throw fileTooLarge();
    }
    return received;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { code?: string; statusCode?: number; message?: string };
    if (e.code === "FST_REQ_FILE_TOO_LARGE") throw fileTooLarge();
    if (e.statusCode === 413)
      throw new AppError("PAYLOAD_TOO_LARGE", 413, e.message ?? "Too many form parts");
    // The parser's own complaints (no boundary, truncated body, …) are the client's mistake.
    if (e.code === undefined || (e.statusCode !== undefined && e.statusCode < 500)) {
      throw badRequest("MALFORMED_MULTIPART", e.message ?? "The multipart body is not valid");
    }
    throw err;
  }
}

/**
 * Photo upload and download. Uploads are multipart/form-data with one file part, accepted on this
 * route only: every other route keeps taking JSON alone.
 */
export function filesRoutes(app: App, db: Db, dataDir: string) {
  const store = new FileStore(dataDir);

  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    // Here multipart replaces JSON as the one body type.
    scope.removeAllContentTypeParsers();
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 50 },
    });

    scope.post(
      "/files",
      {
        config: { access: "authenticated" },
        schema: {
          tags,
          summary:
            "Upload a photo (JPEG, PNG, WebP, GIF, HEIC/HEIF; at most 10 MB); the same bytes get the same id",
          consumes: ["multipart/form-data"],
          // Documents the form; multipart bodies are streamed, so this is not validated (validation.ts).
          body: {
            content: {
              "multipart/form-data": {
                schema: Type.Object(
                  { file: Type.String({ format: "binary", description: "the photo" }) },
                  { additionalProperties: false },
                ),
              },
            },
          },
          response: { 201: Stored, "4xx": ErrorBody },
        },
      },
      async (req, reply) => {
        const received = await receiveUpload(req, store);
        reply.status(201).send(await storePhoto(db, store, req.actor, received));
      },
    );

    scope.get(
      "/files/:id",
      {
        config: { access: "authenticated" },
        schema: {
          tags,
          summary: "The bytes of an uploaded file, with its detected content type",
          params: Type.Object({ id: FileId }, { additionalProperties: false }),
          response: {
            200: {
              description: "the file's bytes",
              content: { "image/*": { schema: Type.String({ format: "binary" }) } },
            },
            "4xx": ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const row = await getFile(db, req.params.id);
        const bytes = await store.open(row.id);
        if (!bytes) {
          req.log.error({ fileId: row.id }, "file row without bytes");
          throw notFound("file", row.id);
        }
        return (
          reply
            .type(row.mime)
            .header("content-length", row.size)
            .header("cache-control", "private, max-age=31536000, immutable")
            .header("x-content-type-options", "nosniff")
            // A stream; the schema's binary string only documents it (streams are never serialised).
            .send(bytes as unknown as string)
        );
      },
    );
  });
}
