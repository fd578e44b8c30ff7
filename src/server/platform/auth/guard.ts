import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor } from "../audit/audit.ts";
import { AppError, forbidden, unauthorized } from "../errors.ts";
import { can, type Principal } from "./principal.ts";
import type { Permission } from "./roles.ts";
import { assertScopes, type RouteScope, scopesNeeded } from "./scopes.ts";

/**
 * Every API route declares who may call it; one without a declaration is refused. Routes
 * outside the API (pages, assets, /docs, /openapi.json) are public.
 */
export type Access = "public" | "authenticated" | { permission: Permission };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * The token scope the route needs instead of its method's (read for GET/HEAD, write else):
     * `reveal` for a route that unmasks personal data, `any` for ending one's own credential.
     */
    scope?: RouteScope;
    /** Callable with a temporary password (who am I, change it, sign out). */
    temporaryPassword?: "allowed";
  }
  interface FastifyRequest {
    principal: Principal | null;
    actor: Actor;
  }
  interface FastifyInstance {
    routeAccess: Array<{ method: string; url: string; access: Access | undefined; scope?: RouteScope }>;
  }
}

export const SESSION_COOKIE = "sid";

export interface Credentials {
  sessionSecret?: string;
  bearer?: string;
}

export type ResolvePrincipal = (credentials: Credentials) => Promise<Principal | null>;

export const isApiRoute = (url: string) => url.startsWith("/api/") || url.startsWith("/open311/");

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Cookie-carried writes must come from a page of this site (SameSite cookie + Origin check). */
function assertSameOrigin(request: FastifyRequest): void {
  const source = request.headers.origin ?? request.headers.referer;
  let host: string | undefined;
  try {
    host = source ? new URL(source).host : undefined;
  } catch {
    host = undefined;
  }
  if (!host || host !== request.headers.host) {
    throw new AppError("CSRF_REJECTED", 403);
  }
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  // One-key call devices authenticate themselves to their own route with `Device <secret>`.
  if (/^Device\s/i.test(header)) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new AppError("MALFORMED_AUTHORIZATION", 401);
  return m[1];
}

export function installAuth(app: FastifyInstance, resolve: ResolvePrincipal): void {
  app.decorate("routeAccess", []);
  app.decorateRequest("principal", null);
  app.decorateRequest("actor", null as unknown as Actor);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      app.routeAccess.push({
        method,
        url: route.url,
        access: route.config?.access,
        scope: route.config?.scope,
      });
  });

  app.addHook("onRequest", async (request) => {
    request.actor = { userId: null, ip: request.ip };
    const url = request.routeOptions.url;
    // Unknown routes fall through to the not-found handler.
    if (!url) return;
    const access = request.routeOptions.config?.access ?? (isApiRoute(url) ? undefined : "public");
    if (!access) throw forbidden();
    const bearer = bearerOf(request);
    const sessionSecret = bearer ? undefined : request.cookies[SESSION_COOKIE];
    if (sessionSecret && !SAFE_METHODS.has(request.method)) assertSameOrigin(request);
    if (bearer || sessionSecret) {
      request.principal = await resolve({ bearer, sessionSecret });
      if (bearer && !request.principal) throw new AppError("TOKEN_INVALID", 401);
      if (request.principal) {
        request.actor = { userId: request.principal.userId, name: request.principal.name, ip: request.ip };
      }
    }
    if (access === "public") return;
    if (!request.principal) throw unauthorized();
    if (request.principal.mustChangePassword && request.routeOptions.config.temporaryPassword !== "allowed")
      throw new AppError("PASSWORD_CHANGE_REQUIRED", 403);
    if (access !== "authenticated" && !can(request.principal, access.permission)) throw forbidden();
    // A session holds every scope; a token only those it was made with.
    assertScopes(
      request.principal,
      scopesNeeded(request.method, request.routeOptions.config.scope, request.query),
    );
  });
}

/** The caller of a guarded route (the guard has already refused anonymous calls). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}
