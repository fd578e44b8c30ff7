import cookie from "@fastify/cookie";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import Fastify, { type FastifyServerOptions } from "fastify";
import type { Config } from "./config.ts";
import { accountsRoutes, resolvePrincipal } from "./modules/accounts/index.ts";
import { casesRoutes, deviceRoutes, figureRoutes, hotlineRoutes } from "./modules/cases/index.ts";
import { dashboardRoutes, reportRoutes } from "./modules/dashboard/index.ts";
import { open311Routes } from "./modules/open311/index.ts";
import { ordersRoutes, publishFromCall } from "./modules/orders/index.ts";
import { orgRoutes } from "./modules/org/index.ts";
import { accessLogRoutes, contactCardRoutes, peopleRoutes } from "./modules/people/index.ts";
import { territoryRoutes } from "./modules/territory/index.ts";
import { activityRoutes, volunteeringRoutes } from "./modules/volunteering/index.ts";
import { wishesRoutes, wishWallRoutes } from "./modules/wishes/index.ts";
import { auditRoutes } from "./platform/audit/index.ts";
import { installAuth } from "./platform/auth/index.ts";
import type { Database } from "./platform/db/index.ts";
import { filesRoutes } from "./platform/files/index.ts";
import { clientConfigRoutes } from "./platform/http/client-config.ts";
import {
  clientErrorHandler,
  frameworkErrorHandler,
  installErrorHandling,
} from "./platform/http/error-handler.ts";
import { installSecurityHeaders } from "./platform/http/headers.ts";
import { installOpenApi } from "./platform/http/openapi.ts";
import { installGracefulClose } from "./platform/http/shutdown.ts";
import type { App } from "./platform/http/types.ts";
import { installJsonParser, installValidation } from "./platform/http/validation.ts";
import { installWeb } from "./platform/http/web.ts";
import { importRoutes } from "./platform/imports/index.ts";
import { notifyRoutes } from "./platform/notify/index.ts";
import type { PiiVault } from "./platform/pii/index.ts";
import type { Queue } from "./platform/queue/index.ts";

export interface AppDeps {
  database: Database;
  config: Config;
  pii: PiiVault;
  logger?: FastifyServerOptions["logger"];
  /** The job queue, for routes that start background work (imports); absent in most API tests. */
  queue?: Queue;
  /** The built pages, when not dist/web (tests). */
  webDir?: string;
}

/** The HTTP app: platform plugins, every module's routes under /api/v1, and Open311. Tests build it too. */
export async function buildApp({
  database,
  config,
  pii,
  logger = false,
  queue,
  webDir,
}: AppDeps): Promise<App> {
  const app = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Request ids are ours to choose; a client's header is not trusted for them.
    requestIdHeader: false,
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;

  installValidation(app);
  installJsonParser(app);
  installErrorHandling(app);
  installGracefulClose(app);
  installSecurityHeaders(app);
  await app.register(cookie);
  installAuth(app, (credentials) => resolvePrincipal(db, credentials));
  await installOpenApi(app);

  app.get(
    "/healthz",
    {
      config: { access: "public" },
      schema: { response: { 200: Type.Object({ status: Type.Literal("ok") }) } },
    },
    async () => {
      await database.executeSql("select 1");
      return { status: "ok" as const };
    },
  );

  await app.register(
    async (api) => {
      const v1 = api.withTypeProvider<TypeBoxTypeProvider>();
      clientConfigRoutes(v1, config);
      accountsRoutes(v1, db, config);
      territoryRoutes(v1, db);
      orgRoutes(v1, db);
      peopleRoutes(v1, db, pii);
      accessLogRoutes(v1, db, pii);
      contactCardRoutes(v1, db, config.dataDir);
      casesRoutes(v1, db);
      hotlineRoutes(v1, db);
      deviceRoutes(v1, db, (caseId, category, actor) => publishFromCall(db, actor, caseId, category));
      figureRoutes(v1, db);
      dashboardRoutes(v1, db);
      reportRoutes(v1, db, config.dataDir, queue);
      ordersRoutes(v1, db, queue);
      volunteeringRoutes(v1, db);
      activityRoutes(v1, db);
      wishesRoutes(v1, db);
      wishWallRoutes(v1, db, config.dataDir);
      notifyRoutes(v1, db);
      auditRoutes(v1, db);
      filesRoutes(v1, db, config.dataDir);
      importRoutes(v1, { db, vault: pii, dataDir: config.dataDir, queue });
    },
    { prefix: "/api/v1" },
  );

  // Open311 GeoReport v2: its own scope, with the specification's error format and form bodies.
  await app.register((scope) => open311Routes(scope, db), { prefix: "/open311/v2" });

  await installWeb(app, { webDir, mapTileUrl: config.mapTileUrl });
  return app;
}
