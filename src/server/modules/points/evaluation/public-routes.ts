import type { App } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";

/** A shop's public page and consumer rating by QR code (S5). */
export function publicShopRoutes(_app: App, _context: ModuleContext) {}
