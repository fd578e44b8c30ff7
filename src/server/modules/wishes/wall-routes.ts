import { Type } from "@sinclair/typebox";
import { notFound } from "../../platform/errors.ts";
import { FileId, openStoredFile, sendStoredFile } from "../../platform/files/index.ts";
import { Paged, PageQuery } from "../../platform/http/paging.ts";
import { type App, Enum, ErrorBody, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { PUBLIC_STATUSES } from "./flow.ts";
import { isWallPhoto, wall, wallCommunities } from "./public.ts";
import { PublicWish, WallCommunity } from "./schemas.ts";
import { WISH_CATEGORIES } from "./tables.ts";

const tags = ["wishes"];
const open = { access: "public" as const };

/** 心愿墙: the public wall (no login), its communities, and the photos of the wishes on it. */
export function wishWallRoutes(app: App, { db, config: { dataDir } }: ModuleContext) {
  app.get(
    "/public/wishes",
    {
      config: open,
      schema: {
        tags,
        summary:
          "The wish wall (no login): published wishes and what became of them; names masked, never a phone",
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Array(Enum(PUBLIC_STATUSES), { maxItems: 4 })),
            community: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 40,
                pattern: "^[A-Za-z0-9-]+$",
                description: "its code",
              }),
            ),
            category: Type.Optional(Enum(WISH_CATEGORIES)),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(PublicWish) }),
      },
    },
    (req) => wall(db, req.query),
  );

  app.get(
    "/public/wishes/communities",
    {
      config: open,
      schema: {
        tags,
        summary: "The communities with wishes on the wall, and how many wait for a claimer",
        response: responses({ 200: Type.Array(WallCommunity) }),
      },
    },
    () => wallCommunities(db),
  );

  app.get(
    "/public/wishes/:id/photos/:photoId",
    {
      config: open,
      schema: {
        tags,
        summary:
          "A photo of a wish on the wall (no login); photos of other wishes or files are not served here",
        params: Type.Object({ id: Uuid, photoId: FileId }, { additionalProperties: false }),
        response: {
          200: {
            description: "the photo",
            content: { "image/*": { schema: Type.String({ format: "binary" }) } },
          },
          "4xx": ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const { id, photoId } = req.params;
      const file = (await isWallPhoto(db, id, photoId)) ? await openStoredFile(db, dataDir, photoId) : null;
      if (!file?.mime.startsWith("image/")) throw notFound("photo", photoId);
      // Public while the wish is on the wall; a withdrawn wish's photos stop being served.
      return sendStoredFile(reply, file, "public, max-age=3600");
    },
  );
}
