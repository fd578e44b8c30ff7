export { type Choices, choices } from "./choices.ts";
export {
  CHECK_JOB,
  checkImport,
  defineImportJobs,
  type ImportDeps,
  SWEEP_JOB,
  sweepImports,
  WRITE_JOB,
  writeImport,
} from "./jobs.ts";
export {
  type AnySheetImporter,
  anyImporter,
  type CheckContext,
  type Checker,
  type FeatureField,
  type FeatureRecord,
  type GeoJsonImporter,
  type ImportColumn,
  type Importer,
  importerOf,
  type SheetImporter,
  type SheetRecord,
  type WriteContext,
  type WriteSummary,
} from "./registry.ts";
export { importRoutes } from "./routes.ts";
export type { ImportService } from "./service.ts";
export { IMPORT_STATUSES, type ImportStatus, importJobs, type RowProblem } from "./tables.ts";
