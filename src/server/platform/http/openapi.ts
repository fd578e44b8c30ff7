import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";

/** /openapi.json documents every /api/v1 route from the routes' own schemas; /docs renders it. */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "网格治理平台 API · Community governance API",
        version: "1",
        description:
          'Errors are `{"error":{"code","message","details"}}`. Authenticate with the session cookie from `POST /api/v1/auth/login` or `Authorization: Bearer <token>`.',
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "sid" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: ({ schema, url, route }) => {
      const hide = !url.startsWith("/api/v1/");
      const access = route.config?.access;
      const described = hide
        ? { ...schema, hide: true }
        : { ...schema, ...(access === "public" ? { security: [] } : {}) };
      return { schema: described, url };
    },
  });
  await app.register(swaggerUi, {
    routePrefix: "/docs",
    uiConfig: { docExpansion: "list", deepLinking: true },
  });
  app.get("/openapi.json", { schema: { hide: true } }, () => app.swagger());
}
