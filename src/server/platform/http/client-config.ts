import { Type } from "@sinclair/typebox";
import type { Config } from "../../config.ts";
import { type App, Nullable } from "./types.ts";

/** What the pages need to know of the deployment before anyone logs in (map tiles). */
export function clientConfigRoutes(app: App, config: Config) {
  app.get(
    "/client-config",
    {
      config: { access: "public" },
      schema: {
        tags: ["platform"],
        summary: "Deployment settings for the pages: the optional map tile URL",
        response: {
          200: Type.Object({
            map: Type.Object({ tileUrl: Nullable(Type.String()), attribution: Nullable(Type.String()) }),
          }),
        },
      },
    },
    async () => ({
      map: { tileUrl: config.mapTileUrl ?? null, attribution: config.mapTileAttribution ?? null },
    }),
  );
}
