import type { Module } from "../../platform/module/index.ts";
import { assessmentRoutes } from "./assessment/routes.ts";
import { mobilisationRoutes } from "./mobilisation/routes.ts";
import { engagementConsumers } from "./records/consumers.ts";
import { feedbackRoutes } from "./records/feedback-routes.ts";
import { recordRoutes } from "./records/record-routes.ts";
import { recordSheet } from "./records/record-sheets.ts";
import { suggestionRoutes } from "./records/suggestion-routes.ts";
import { talentRoutes } from "./talent/routes.ts";
import { seekerRoutes } from "./talent/seeker-routes.ts";
import { seekerSheet, talentSheet } from "./talent/sheets.ts";
import { engagementTodos } from "./todos.ts";
import { defineEngagementJobs } from "./units/jobs.ts";
import { pairingRoutes } from "./units/pairing-routes.ts";
import { reportInRoutes } from "./units/report-in-routes.ts";
import { pairingSheet, reportInSheet } from "./units/sheets.ts";
import { assignUnit } from "./units/unit-staff.ts";
import { visitRoutes } from "./visits/visit-routes.ts";
import { visitSheet } from "./visits/visit-sheet.ts";
import { publicWallRoutes } from "./walls/public-routes.ts";
import { wallRoutes } from "./walls/routes.ts";

export {
  type BulkEngagement,
  type BulkWallsCallUpsTalents,
  bulkInsertEngagement,
  bulkInsertWallsCallUpsTalents,
} from "./bulk.ts";

/**
 * 双报到 and what follows (P1–P3): units paired with communities, in-service members reporting in
 * where they live, their service record (纪实手册) fed by the other modules' events, feedback
 * cards to their units, and household visits (民情日记).
 */
export const engagementModule: Module = {
  name: "engagement",
  jobs: defineEngagementJobs,
  hooks: { assignUnit },
  routes: [
    pairingRoutes,
    reportInRoutes,
    visitRoutes,
    recordRoutes,
    suggestionRoutes,
    feedbackRoutes,
    wallRoutes,
    publicWallRoutes,
    assessmentRoutes,
    mobilisationRoutes,
    talentRoutes,
    seekerRoutes,
  ],
  exporters: [pairingSheet, reportInSheet, visitSheet, recordSheet, talentSheet, seekerSheet],
  consumers: engagementConsumers,
  todos: engagementTodos,
};
