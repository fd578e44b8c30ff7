import type { Module } from "../../platform/module/index.ts";
import { appraisalRoutes } from "./appraisal/routes.ts";
import { creditRoutes } from "./credit/routes.ts";
import { publicShopRoutes } from "./evaluation/public-routes.ts";
import { evaluationRoutes } from "./evaluation/routes.ts";
import { pointsConsumers } from "./ledger/consumers.ts";
import { ledgerRoutes } from "./ledger/routes.ts";
import { rankingRoutes } from "./rankings/routes.ts";
import { ruleRoutes } from "./rules/routes.ts";
import { shopRoutes } from "./shop/routes.ts";

export { publishedRanking, titlesOf } from "./rankings/titles.ts";
export { installRuleSet } from "./rules/install.ts";
export { TEMPLATE_KEYS, type TemplateKey } from "./rules/templates.ts";

/**
 * Points and credit (S1–S5): rules as data, versioned, per audience; one double-entry ledger fed
 * by other modules' events and by approved claims; the points shop; rankings and titles; shops
 * scored by inspectors and consumers; scores shared with a partner bank under consent.
 */
export const pointsModule: Module = {
  name: "points",
  routes: [
    ruleRoutes,
    ledgerRoutes,
    appraisalRoutes,
    shopRoutes,
    rankingRoutes,
    evaluationRoutes,
    publicShopRoutes,
    creditRoutes,
  ],
  consumers: pointsConsumers,
};
