import { Type } from "@sinclair/typebox";
import { notFound } from "../../../platform/errors.ts";
import { FileId, openStoredFile, sendStoredFile } from "../../../platform/files/index.ts";
import { type App, ErrorBody, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { PublicWall, Year } from "./schemas.ts";
import { communityWall, isWallPhoto } from "./wall.ts";
import { thisYear } from "./year.ts";

const tags = ["engagement"];
const open = { access: "public" as const };

/** 党员风采墙 (no login): a community's signature, promise and pioneer walls, and their photos. */
export function publicWallRoutes(app: App, { db, config: { dataDir } }: ModuleContext) {
  app.get(
    "/public/engagement/walls/:communityId",
    {
      config: open,
      schema: {
        tags,
        summary:
          "A community's walls for a year (no login): members reported in, published promises, pioneers; names masked, never a phone",
        params: Type.Object({ communityId: Uuid }, { additionalProperties: false }),
        querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }),
        response: responses({ 200: PublicWall }),
      },
    },
    (req) => communityWall(db, req.params.communityId, req.query.year ?? thisYear()),
  );

  app.get(
    "/public/engagement/walls/:communityId/photos/:photoId",
    {
      config: open,
      schema: {
        tags,
        summary: "A photo on the community's walls (no login); other files are not served here",
        params: Type.Object({ communityId: Uuid, photoId: FileId }, { additionalProperties: false }),
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
      const { communityId, photoId } = req.params;
      const file = (await isWallPhoto(db, communityId, photoId))
        ? await openStoredFile(db, dataDir, photoId)
        : null;
      if (!file?.mime.startsWith("image/")) throw notFound("photo", photoId);
      // Public while on the wall: a returned promise's photo stops being served.
      return sendStoredFile(reply, file, "public, max-age=3600");
    },
  );
}
