import { Type } from "@sinclair/typebox";
import type { Db } from "../db/index.ts";
import { notFound } from "../errors.ts";
import { type App, ErrorBody } from "../http/types.ts";
import { sendStoredFile, storePhoto } from "./bytes.ts";
import { FileId, getFile } from "./files.ts";
import { PHOTOS, receiveImage } from "./images.ts";
import { FileStore } from "./store.ts";
import { multipartScope } from "./upload.ts";

const tags = ["files"];
const Stored = Type.Object({
  id: FileId,
  mime: Type.String(),
  size: Type.Integer(),
  url: Type.String({ description: "where the bytes are served: /api/v1/files/{id}" }),
});

/**
 * Photo upload and download. Uploads are multipart/form-data with one file part, accepted on this
 * route only: every other route keeps taking JSON alone.
 */
export function filesRoutes(app: App, db: Db, dataDir: string) {
  const store = new FileStore(dataDir);

  multipartScope(app, (scope) => {
    scope.post(
      "/files",
      {
        config: { access: "authenticated" },
        schema: {
          tags,
          summary:
            "Upload a photo (JPEG, PNG, WebP or GIF; at most 10 MB), stored re-encoded without its metadata (EXIF, GPS, XMP); the same stored bytes get the same id",
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
        const image = await receiveImage(req, PHOTOS);
        reply.status(201).send(await storePhoto(db, dataDir, req.actor, image));
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
        // Photos only: an uploaded sheet or its report holds 身份证 numbers; it is stored sealed and
        // served decrypted by its module (imports) to its uploader, never here to any logged-in user.
        if (!row.mime.startsWith("image/")) throw notFound("file", row.id);
        const stream = await store.open(row.id);
        if (!stream) {
          req.log.error({ fileId: row.id }, "file row without bytes");
          throw notFound("file", row.id);
        }
        return sendStoredFile(reply, { ...row, stream }, "private, max-age=31536000, immutable");
      },
    );
  });
}
