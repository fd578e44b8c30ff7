import type { ItemOf, ListSheet } from "../http/export.ts";
import { wordFor } from "../i18n/words.ts";
import type { listAudit } from "./audit.ts";

const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

/** The audit log as a spreadsheet: actions and entities in words, changes as JSON text. */
export const auditSheet: ListSheet<ItemOf<typeof listAudit>> = {
  key: "audit",
  columns: (w) => [
    { header: w.audit.time, width: 17, value: (e) => e.at, format: "datetime" },
    {
      header: w.audit.actor,
      width: 12,
      // No user: the system's own work, or someone not logged in (a failed log-in).
      value: (e) => (e.actorId ? e.actorName : e.actorName === "system" ? w.audit.system : w.audit.anonymous),
    },
    // Action codes have dots ("auth.login"); the vocabulary's keys have "_" (see the web's audit labels).
    {
      header: w.audit.action,
      width: 16,
      value: (e) => wordFor(w.audit.actions, e.action.replaceAll(".", "_")),
    },
    { header: w.audit.entity, width: 12, value: (e) => wordFor(w.audit.entities, e.entity) },
    { header: w.audit.entityName, width: 24, value: (e) => e.entityName },
    { header: w.audit.entityId, width: 38, value: (e) => e.entityId },
    { header: w.audit.ip, width: 16, value: (e) => e.ip },
    { header: w.audit.before, width: 40, value: (e) => json(e.before) },
    { header: w.audit.after, width: 40, value: (e) => json(e.after) },
  ],
};
