export { accountsRoutes } from "./routes.ts";
export { resolvePrincipal } from "./service.ts";
export { countUsers, ensureUser, type NewUser } from "./users.ts";
