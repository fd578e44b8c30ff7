import type { Module } from "../../platform/module/index.ts";
import { defineAccountJobs } from "./jobs.ts";
import { accountsRoutes } from "./routes.ts";

export { resolvePrincipal } from "./principals.ts";
export { issueToken } from "./tokens.ts";
export { countUsers, ensureUser, type NewUser, type UserCard, userCards, usersHolding } from "./users.ts";

export const accountsModule: Module = { name: "accounts", routes: [accountsRoutes], jobs: defineAccountJobs };
