import type { App } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";

/** Credit consents and the partner bank's export (S2, S5). */
export function creditRoutes(_app: App, _context: ModuleContext) {}
