export {
  type Actor,
  type AuditEntry,
  audited,
  auditRows,
  listAudit,
  type RecordAudit,
  recordAudit,
  recordAudits,
  SYSTEM,
} from "./audit.ts";
export { type EntityNamer, type EntityNamers, namedBy } from "./names.ts";
export { auditRoutes } from "./routes.ts";
