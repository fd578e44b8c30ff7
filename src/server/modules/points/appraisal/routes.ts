import type { App } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";

/** Half-yearly appraisal rounds and the period's score (S2). */
export function appraisalRoutes(_app: App, _context: ModuleContext) {}
