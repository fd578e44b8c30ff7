import { AppError } from "../errors.ts";
import type { Principal } from "./principal.ts";

/**
 * What a bearer token may do, chosen when it is made: `read` (GET/HEAD), `write` (every other
 * method), `open311` (filing Open311 requests with it as api_key), `reveal` (unmasked personal
 * data), `credit` (the points export for a partner bank, and nothing else). A session holds them
 * all; its roles still decide the rest.
 */
export const TOKEN_SCOPES = ["read", "write", "open311", "reveal", "credit"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A route's own requirement, replacing the one its method implies; `any` for ending one's own credential. */
export type RouteScope = TokenScope | "any";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The scopes a request needs: the route's own, else read or write by method; and `reveal` whenever
 * it asks for unmasked data with `?reveal=` (the one name every such list uses).
 */
export function scopesNeeded(
  method: string,
  routeScope: RouteScope | undefined,
  query: unknown,
): TokenScope[] {
  if (routeScope === "any") return [];
  const needed: TokenScope[] = [routeScope ?? (READ_METHODS.has(method) ? "read" : "write")];
  const reveal = (query as Record<string, unknown> | undefined)?.reveal;
  if (reveal !== undefined && reveal !== "false" && !needed.includes("reveal")) needed.push("reveal");
  return needed;
}

export const missingScopes = (principal: Principal, needed: readonly TokenScope[]): TokenScope[] =>
  needed.filter((s) => !principal.scopes.includes(s));

/** 403 naming the scopes the token lacks, so its owner knows which token to make instead. */
export function assertScopes(principal: Principal, needed: readonly TokenScope[]): void {
  const missing = missingScopes(principal, needed);
  if (missing.length > 0)
    throw new AppError("FORBIDDEN", 403, {
      missingScopes: missing,
    });
}
