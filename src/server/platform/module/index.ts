import type { zhCN } from "../../../shared/locales/zh-CN.ts";
import type { Config } from "../../config.ts";
import type { EntityNamer, EntityNamers } from "../audit/names.ts";
import type { Principal, WeChatProvider } from "../auth/index.ts";
import type { Db, Executor } from "../db/index.ts";
import type { StoredEvent } from "../events/index.ts";
import type { ListSheet } from "../http/export.ts";
import type { App } from "../http/types.ts";
import type { Importer } from "../imports/index.ts";
import type { SmsSender } from "../notify/index.ts";
import type { PiiVault } from "../pii/index.ts";
import type { Queue } from "../queue/index.ts";

/**
 * Calls one module makes into another that must answer at once (a device call publishing its case
 * as an order). The calling module declares the hook here by augmentation
 * (`declare module "…/platform/module/index.ts" { interface Hooks { … } }`); the answering module
 * provides it in its module object. Nothing in app.ts wires one module into another.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by module augmentation
export interface Hooks {}

/** What a module's routes and jobs are given. */
export interface ModuleContext {
  db: Db;
  config: Config;
  pii: PiiVault;
  /** Where sign-in codes go (the SMS gateway, the log, or the tests' fake). */
  sms: SmsSender;
  /** WeChat sign-in, where a district has plugged a provider in (none here). */
  wechat?: WeChatProvider;
  /** The job queue; absent in API tests that do not run jobs. */
  queue?: Queue;
  hooks: Partial<Hooks>;
}

/** An outbox consumer: handed each event after its cursor once, in the transaction that moves it. */
export interface EventConsumer {
  /** Its cursor's name, stable across releases: "points.orders-completed". */
  name: string;
  handle(tx: Executor, events: StoredEvent[]): Promise<void>;
}

/** A kind of work that can wait for someone (its words: shared/locales/todos.*.ts). */
export type TodoKind = keyof typeof zhCN.todos.kinds;

/** What waits for the caller in one kind: how much, and the list that shows exactly those (GET /me/todos). */
export interface Todo {
  kind: TodoKind;
  count: number;
  /** The filtered list, a path of the site ("/admin/cases?status=new", "/mobile/orders/hall"). */
  link: string;
}

/** One domain module, as modules/index.ts lists it: everything the server starts on its behalf. */
export interface Module {
  name: string;
  /** Route sets registered under /api/v1 (or `prefix`), each given the context. */
  routes?: ReadonlyArray<(app: App, context: ModuleContext) => void | Promise<void>>;
  /** Where its routes live when not under /api/v1 (Open311's own path and error format). */
  prefix?: string;
  /** Defines its queue jobs and schedules before the queue starts. */
  jobs?: (queue: Queue, context: ModuleContext) => void;
  /** First data every database needs (categories, deadlines); idempotent, run at every start. */
  firstData?: (db: Db) => Promise<void>;
  /** Spreadsheet and GeoJSON imports, reached by kind through the import routes. */
  importers?: readonly Importer[];
  /** Its lists as spreadsheets (the columns of GET …?format=xlsx). */
  exporters?: ReadonlyArray<ListSheet<never>>;
  consumers?: readonly EventConsumer[];
  hooks?: Partial<Hooks>;
  /** What waits for the caller in this module's area, for his roles only; cheap counts, run in parallel. */
  todos?: (db: Db, principal: Principal) => Promise<Todo[]>;
  /** How the audit log names its entities for people, by entity type (a case by its code …). */
  auditNames?: EntityNamers;
}

/** Every module's entity namers for the audit log; an entity type is named by one module only. */
export function auditNamesOf(modules: readonly Module[]): EntityNamers {
  const namers: Record<string, EntityNamer> = {};
  for (const m of modules)
    for (const [entity, namer] of Object.entries(m.auditNames ?? {})) {
      if (entity in namers) throw new Error(`audit names of ${entity} given twice (module ${m.name})`);
      namers[entity] = namer;
    }
  return namers;
}

/** The context the modules of the list are given, with the hooks they provide one another. */
export const moduleContext = (
  modules: readonly Module[],
  deps: Omit<ModuleContext, "hooks">,
): ModuleContext => ({ ...deps, hooks: hooksOf(modules) });

/** The hooks every module provides, merged; a hook provided twice is a mistake in the list. */
function hooksOf(modules: readonly Module[]): Partial<Hooks> {
  const hooks: Record<string, unknown> = {};
  for (const m of modules) {
    for (const [name, hook] of Object.entries(m.hooks ?? {})) {
      if (name in hooks) throw new Error(`hook ${name} provided twice (module ${m.name})`);
      hooks[name] = hook;
    }
  }
  return hooks as Partial<Hooks>;
}

/** Every module's importers; a kind may belong to one module only. */
export function importersOf(modules: readonly Module[]): Importer[] {
  const all = modules.flatMap((m) => m.importers ?? []);
  const kinds = new Set<string>();
  for (const importer of all) {
    if (kinds.has(importer.kind)) throw new Error(`importer ${importer.kind} registered twice`);
    kinds.add(importer.kind);
  }
  return all;
}
