import cookie from "@fastify/cookie";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import Fastify, { type FastifyServerOptions } from "fastify";
import type { Config } from "./config.ts";
import { resolvePrincipal } from "./modules/accounts/index.ts";
import { MODULES } from "./modules/index.ts";
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
import { auditNamesOf, importersOf, type Module, moduleContext } from "./platform/module/index.ts";
import { todosRoutes } from "./platform/module/todos-routes.ts";
import { notifyRoutes, type SmsSender, smsSenderFor } from "./platform/notify/index.ts";
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
  /** The domain modules (modules/index.ts; tests may add one). */
  modules?: readonly Module[];
  /** Where sign-in codes go; by default SMS_WEBHOOK_URL's gateway, or the log. */
  sms?: SmsSender;
}

/** The HTTP app: platform plugins and routes, then every module's routes. Tests build it too. */
export async function buildApp({
  database,
  config,
  pii,
  logger = false,
  queue,
  webDir,
  modules = MODULES,
  sms = smsSenderFor(config.smsWebhookUrl),
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

  const context = moduleContext(modules, { db, config, pii, queue, sms });
  // Platform routes, then each module's, in its own scope (Open311 has its own path and error format).
  await app.register(
    async (api) => {
      const v1 = api.withTypeProvider<TypeBoxTypeProvider>();
      clientConfigRoutes(v1, config);
      notifyRoutes(v1, database);
      auditRoutes(v1, db, auditNamesOf(modules));
      // What waits for the caller, from every module of the list.
      todosRoutes(v1, db, modules);
      filesRoutes(v1, db, config.dataDir);
      importRoutes(v1, { db, vault: pii, dataDir: config.dataDir, queue, importers: importersOf(modules) });
    },
    { prefix: "/api/v1" },
  );
  for (const m of modules) {
    if (!m.routes) continue;
    const sets = m.routes;
    await app.register(
      async (scope) => {
        for (const routes of sets) await routes(scope.withTypeProvider<TypeBoxTypeProvider>(), context);
      },
      { prefix: m.prefix ?? "/api/v1" },
    );
  }

  await installWeb(app, { webDir, mapTileUrl: config.mapTileUrl });
  return app;
}
