import type { App } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";

/** Shop inspections, consumer ratings and the merchant's own scores (S5). */
export function evaluationRoutes(_app: App, _context: ModuleContext) {}
