import { namedBy } from "../../platform/audit/index.ts";
import type { Module } from "../../platform/module/index.ts";
import { accountAdminRoutes } from "./admin-routes.ts";
import { bindingRoutes } from "./binding-routes.ts";
import { accountImporters } from "./import.ts";
import { defineAccountJobs } from "./jobs.ts";
import { accountsRoutes } from "./routes.ts";
import { signInRoutes } from "./sign-in-routes.ts";
import { apiTokens, users } from "./tables.ts";
import { accountTodos } from "./todos.ts";

export { resolvePrincipal } from "./principals.ts";
export { issueToken } from "./tokens.ts";
export {
  countUsers,
  ensureUser,
  type NewUser,
  type UserCard,
  userCards,
  userPhones,
  usersByPhones,
  usersHolding,
  usersHoldingUnder,
} from "./users.ts";

export const accountsModule: Module = {
  name: "accounts",
  routes: [accountsRoutes, signInRoutes, accountAdminRoutes, bindingRoutes],
  jobs: defineAccountJobs,
  importers: accountImporters,
  todos: accountTodos,
  // How the audit log names its entities for people.
  auditNames: {
    user: namedBy(users, users.id, users.name),
    api_token: namedBy(apiTokens, apiTokens.id, apiTokens.name),
  },
};
