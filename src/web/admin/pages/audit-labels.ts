import type { TFunction } from "i18next";
import { AUDIT_ACTIONS } from "../../../shared/audit-actions.ts";
import { zhCN } from "../../../shared/locales/zh-CN.ts";

type ActionKey = keyof typeof zhCN.audit.actions;
type EntityKey = keyof typeof zhCN.audit.entities;

// Action codes contain dots ("auth.login"), which i18next reads as nesting; the keys use "_".
const actionKey = (action: string) => action.replaceAll(".", "_");

/** The actions and entity types offered as filters: every code the server audits (shared catalogue). */
export const KNOWN_ACTIONS: readonly string[] = AUDIT_ACTIONS;
export const KNOWN_ENTITIES = Object.keys(zhCN.audit.entities);

export function actionLabel(t: TFunction, action: string): string {
  const key = actionKey(action);
  return Object.hasOwn(zhCN.audit.actions, key) ? t(`audit.actions.${key as ActionKey}`) : action;
}

export function entityLabel(t: TFunction, entity: string): string {
  return Object.hasOwn(zhCN.audit.entities, entity) ? t(`audit.entities.${entity as EntityKey}`) : entity;
}
