export { addDepartmentStaff, categoryByCode, listCategories } from "./catalog.ts";
export { ensureCaseDefaults } from "./defaults.ts";
export { CASE_STATUSES, type CaseStatus, FINISHED_STATUSES, OPEN_STATUSES } from "./flow.ts";
export { type Intake, type Submitted, submitCase } from "./intake.ts";
export { casesRoutes } from "./routes.ts";
export { getCase, listCases } from "./service.ts";
