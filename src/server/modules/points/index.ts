import type { Module } from "../../platform/module/index.ts";
import { appraisalRoutes } from "./appraisal/routes.ts";
import { creditRoutes } from "./credit/routes.ts";
import { consentSheet, creditMerchantSheet, creditResidentSheet } from "./credit/sheets.ts";
import { publicShopRoutes } from "./evaluation/public-routes.ts";
import { evaluationRoutes } from "./evaluation/routes.ts";
import { inspectionSheet, merchantSheet } from "./evaluation/sheets.ts";
import { claimRoutes } from "./ledger/claims-routes.ts";
import { claimSheet } from "./ledger/claims-sheet.ts";
import { pointsConsumers } from "./ledger/consumers.ts";
import { defineLedgerJobs } from "./ledger/jobs.ts";
import { accountSheet, postingSheet } from "./ledger/ledger-sheets.ts";
import { ledgerRoutes } from "./ledger/routes.ts";
import { rankingRoutes } from "./rankings/routes.ts";
import { rankingEntrySheet } from "./rankings/sheets.ts";
import { ruleRoutes } from "./rules/routes.ts";
import { redemptionRoutes } from "./shop/redemption-routes.ts";
import { shopRoutes } from "./shop/routes.ts";
import { itemSheet, redemptionSheet } from "./shop/sheets.ts";
import { pointsTodos } from "./todos.ts";

export { type BulkPoints, bulkInsertPoints } from "./bulk.ts";
export { ledgerCheck } from "./ledger/check.ts";
export {
  type AccountOwner,
  districtOfPath,
  holderAccounts,
  post,
  systemAccount,
  type Transfer,
} from "./ledger/engine.ts";
export { scoresOf } from "./ledger/score.ts";
export { publishedRanking, titlesOf } from "./rankings/titles.ts";
export { rulesOf } from "./rules/active.ts";
export { installRuleSet } from "./rules/install.ts";
export { TEMPLATE_KEYS, type TemplateKey } from "./rules/templates.ts";
export { newRedemptionCode } from "./shop/code.ts";

/**
 * Points and credit (S1–S5): rules as data, versioned, per audience; one double-entry ledger fed
 * by other modules' events and by approved claims; the points shop; rankings and titles; shops
 * scored by inspectors and consumers; scores shared with a partner bank under consent.
 */
export const pointsModule: Module = {
  name: "points",
  routes: [
    ruleRoutes,
    claimRoutes,
    ledgerRoutes,
    appraisalRoutes,
    shopRoutes,
    redemptionRoutes,
    rankingRoutes,
    evaluationRoutes,
    publicShopRoutes,
    creditRoutes,
  ],
  consumers: pointsConsumers,
  todos: pointsTodos,
  jobs: defineLedgerJobs,
  exporters: [
    accountSheet,
    postingSheet,
    claimSheet,
    itemSheet,
    redemptionSheet,
    rankingEntrySheet,
    consentSheet,
    creditResidentSheet,
    creditMerchantSheet,
    merchantSheet,
    inspectionSheet,
  ],
};
