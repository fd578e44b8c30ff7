import type { App } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";

/** Rule sets and their versions: the rules editor (S1). */
export function ruleRoutes(_app: App, _context: ModuleContext) {}
