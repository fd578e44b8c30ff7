import type { App } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";

/** My points, statements, claims and approvals, reversals, the ledger's check (S2). */
export function ledgerRoutes(_app: App, _context: ModuleContext) {}
