import { createHash } from "node:crypto";
import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import { LRUCache } from "lru-cache";
import { principalOf } from "../../platform/auth/index.ts";
import { notFound } from "../../platform/errors.ts";
import {
  FileId,
  multipartScope,
  openStoredFile,
  readStoredFile,
  receivePrintableImage,
  sendStoredFile,
} from "../../platform/files/index.ts";
import { type App, Enum, ErrorBody, IdParams, Nullable, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { attachment } from "../../platform/xlsx/index.ts";
import { type ContactCard, contactCard, isCardPhoto } from "./card.ts";
import { POSTER_SIZES, posterPdf } from "./poster.ts";
import { PHOTO_MAX_SIDE, setStaffDuties, setStaffPhoto, writableStaff } from "./staff-write.ts";
import { STAFF_ROLES } from "./tables.ts";

const tags = ["contact card"];
const GridCode = Type.String({ minLength: 1, maxLength: 40, pattern: "^[A-Za-z0-9][A-Za-z0-9_-]*$" });
const CodeParams = Type.Object({ code: GridCode }, { additionalProperties: false });
const Ref = Nullable(Type.Object({ code: Type.String(), name: Type.String() }));
const Card = Type.Object({
  code: Type.String(),
  name: Type.String(),
  community: Ref,
  street: Ref,
  geometry: Nullable(Type.Unknown({ description: "GeoJSON Polygon or MultiPolygon (lng, lat)" })),
  center: Nullable(Type.Object({ lat: Type.Number(), lng: Type.Number() })),
  formUrl: Type.String({ description: "the request form for this grid: what the poster's QR code opens" }),
  posterUrl: Type.String({ description: "the A4 poster; ?size=A3 for the larger one" }),
  staff: Type.Array(
    Type.Object({
      id: Uuid,
      role: Enum(STAFF_ROLES),
      name: Type.String(),
      phone: Type.String({ description: "whole: 三亮 (identity, duty, phone) are public by design" }),
      duties: Nullable(Type.String()),
      place: Nullable(
        Type.String({ description: "building and entrance heads: their building or entrance" }),
      ),
      households: Nullable(Type.Integer({ description: "liaisons: households linked (1+1带N)" })),
      partTime: Type.Boolean(),
      photoUrl: Nullable(Type.String()),
    }),
  ),
});
const Binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: Type.String({ format: "binary" }) } },
});

/**
 * Where the site is, as the caller reached it: the QR code must open the form on the same site.
 * There is no public-URL setting; behind a proxy, it must pass the Host header on.
 */
const siteOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
const formUrlOf = (req: FastifyRequest, code: string) =>
  `${siteOf(req)}/mobile/cases/new?grid=${encodeURIComponent(code)}`;
const photoUrlOf = (code: string, photoId: string) => `/api/v1/public/grids/${code}/photos/${photoId}`;

function present(card: ContactCard, formUrl: string) {
  return {
    ...card,
    formUrl,
    posterUrl: `/api/v1/public/grids/${card.code}/poster.pdf`,
    staff: card.staff.map(({ photoId, ...p }) => ({
      ...p,
      photoUrl: photoId ? photoUrlOf(card.code, photoId) : null,
    })),
  };
}

// A poster is made again only when what is on it changed (the key covers the card, photos by
// their content ids, the size and the site): printing a stack of them costs one rendering.
const posters = new LRUCache<string, Buffer>({ maxSize: 32 * 1024 * 1024, sizeCalculation: (b) => b.length });

/**
 * The public contact card (民情联系卡) of a grid, its printable poster and its photos; and the
 * staff-side writes that fill it: a photo and a sentence of duties per person.
 */
export function contactCardRoutes(app: App, { db, config: { dataDir } }: ModuleContext) {
  app.get(
    "/public/grids/:code/card",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary:
          "A grid's contact card (no login): the grid, its outline, and its staff with phones and duties",
        params: CodeParams,
        response: responses({ 200: Card }),
      },
    },
    async (req) => present(await contactCard(db, req.params.code), formUrlOf(req, req.params.code)),
  );

  app.get(
    "/public/grids/:code/poster.pdf",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary:
          "The contact card as a printable poster (PDF, A4 or A3) with the QR code of the request form",
        params: CodeParams,
        querystring: Type.Object(
          { size: Type.Optional(Enum(POSTER_SIZES)) },
          { additionalProperties: false },
        ),
        response: { 200: Binary("application/pdf", "the poster"), "4xx": ErrorBody },
      },
    },
    async (req, reply) => {
      const card = await contactCard(db, req.params.code);
      const size = req.query.size ?? "A4";
      const formUrl = formUrlOf(req, card.code);
      const key = createHash("sha256")
        .update(JSON.stringify([card, size, formUrl]))
        .digest("hex");
      let pdf = posters.get(key);
      if (!pdf) {
        pdf = await posterPdf({ card, size, formUrl, photo: (id) => readStoredFile(dataDir, id) });
        posters.set(key, pdf);
      }
      return (
        reply
          .type("application/pdf")
          .header(
            "content-disposition",
            attachment(`${card.name}民情联系卡-${size}.pdf`, `contact-card-${card.code}-${size}.pdf`),
          )
          .header("cache-control", "no-cache")
          // Bytes; the schema's binary string only documents them.
          .send(pdf as unknown as string)
      );
    },
  );

  app.get(
    "/public/grids/:code/photos/:photoId",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The photo of someone on the grid's card (no login); other files are not served here",
        params: Type.Object({ code: GridCode, photoId: FileId }, { additionalProperties: false }),
        response: { 200: Binary("image/*", "the photo"), "4xx": ErrorBody },
      },
    },
    async (req, reply) => {
      const { code, photoId } = req.params;
      const file = (await isCardPhoto(db, code, photoId)) && (await openStoredFile(db, dataDir, photoId));
      if (!file) throw notFound("photo", photoId);
      // Content-addressed, but it stops being public when the person leaves the card.
      return sendStoredFile(reply, file, "public, max-age=3600");
    },
  );

  app.patch(
    "/people/staff/:id",
    {
      config: { access: { permission: "people.write" } },
      schema: {
        tags,
        summary: "Change what a staff member's card says of his duties (亮职责); blank clears it",
        params: IdParams,
        body: Type.Object(
          { duties: Nullable(Type.String({ maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ id: Uuid, duties: Nullable(Type.String()) }) }),
      },
    },
    (req) => setStaffDuties(db, principalOf(req), req.actor, req.params.id, req.body.duties),
  );

  multipartScope(app, (scope) => {
    scope.put(
      "/people/staff/:id/photo",
      {
        config: { access: { permission: "people.write" } },
        schema: {
          tags,
          summary: `A staff member's photo for the card: JPEG or PNG (by content), shrunk to fit ${PHOTO_MAX_SIDE}×${PHOTO_MAX_SIDE}`,
          consumes: ["multipart/form-data"],
          params: IdParams,
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
          response: responses({
            200: Type.Object({
              id: Uuid,
              photoId: FileId,
              photoUrl: Type.String({ description: "/api/v1/files/{photoId}" }),
              width: Type.Integer(),
              height: Type.Integer(),
            }),
          }),
        },
      },
      async (req) => {
        const principal = principalOf(req);
        // Out of scope is 404 before a byte of the photo is read.
        await writableStaff(db, principal, req.params.id);
        const image = await receivePrintableImage(req, PHOTO_MAX_SIDE);
        return setStaffPhoto(db, dataDir, principal, req.actor, req.params.id, image);
      },
    );
  });
}
