import { Type } from "@sinclair/typebox";
import { aliasedTable, and, asc, eq } from "drizzle-orm";
import { type App, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { territoryNodes } from "./tables.ts";

const Community = Type.Object({
  id: Uuid,
  name: Type.String(),
  street: Type.String({ description: "the street the community belongs to" }),
});

/** What anyone may read of the territory: the communities, for a resident naming his own. */
export function publicTerritoryRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/public/communities",
    {
      config: { access: "public" },
      schema: {
        tags: ["territory"],
        summary: "Every community with its street, for a resident asking to be bound to his household",
        response: responses({ 200: Type.Array(Community) }),
      },
    },
    () => {
      const street = aliasedTable(territoryNodes, "street");
      return db
        .select({ id: territoryNodes.id, name: territoryNodes.name, street: street.name })
        .from(territoryNodes)
        .innerJoin(street, and(eq(street.id, territoryNodes.parentId), eq(street.level, "street")))
        .where(eq(territoryNodes.level, "community"))
        .orderBy(asc(street.sortKey), asc(territoryNodes.sortKey));
    },
  );
}
