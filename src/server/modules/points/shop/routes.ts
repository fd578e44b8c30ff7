import type { App } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";

/** The points shop, redemptions and the merchant's scan (S3). */
export function shopRoutes(_app: App, _context: ModuleContext) {}
