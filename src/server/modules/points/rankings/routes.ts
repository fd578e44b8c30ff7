import type { App } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";

/** Rankings and titles (S4). */
export function rankingRoutes(_app: App, _context: ModuleContext) {}
