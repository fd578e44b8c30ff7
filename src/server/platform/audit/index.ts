export {
  type Actor,
  type AuditEntry,
  audited,
  listAudit,
  type RecordAudit,
  recordAudit,
  SYSTEM,
} from "./audit.ts";
export { auditRoutes } from "./routes.ts";
