export { defineAccountJobs } from "./jobs.ts";
export { resolvePrincipal } from "./principals.ts";
export { accountsRoutes } from "./routes.ts";
export { createToken } from "./service.ts";
export { countUsers, ensureUser, type NewUser, usersHolding } from "./users.ts";
