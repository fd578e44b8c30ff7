export { defineAccountJobs } from "./jobs.ts";
export { resolvePrincipal } from "./principals.ts";
export { accountsRoutes } from "./routes.ts";
export { issueToken } from "./tokens.ts";
export { countUsers, ensureUser, type NewUser, type UserCard, userCards, usersHolding } from "./users.ts";
