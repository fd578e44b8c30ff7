import type { Actor, RecordAudit } from "../audit/index.ts";
import type { Permission, Principal } from "../auth/index.ts";
import type { Executor, Tx } from "../db/index.ts";
import type { PiiVault } from "../pii/index.ts";
import type { CellKind } from "../xlsx/index.ts";

/** One column of a spreadsheet import: how it is found, read, checked and offered in the template. */
export interface ImportColumn<F extends string = string> {
  field: F;
  /** The template's header. */
  header: string;
  /** Other headers the same column goes by in real sheets. */
  synonyms?: readonly string[];
  /** Every row must have a value (the column itself may be missing only if no row needs it). */
  required?: boolean;
  /** How its cells are read; text unless said otherwise. */
  kind?: CellKind;
  example: string;
  /** Accepted values (Chinese labels), offered as a drop-down list in the template. */
  list?: readonly string[];
  note?: string;
  width?: number;
}

export interface Label {
  "zh-CN": string;
  en: string;
}

/** Reports a problem on a row: the field it is about (shown as its column), and why. */
export type ReportProblem<F extends string> = (row: number, field: F | undefined, reason: string) => void;

export interface CheckContext<F extends string> {
  /** The database while checking; the writing transaction when rows are checked again to be written. */
  executor: Executor;
  /** The importer as he was when he uploaded the file: scope is checked against this. */
  principal: Principal;
  vault: PiiVault;
  problem: ReportProblem<F>;
  /** Whether a territory path lies in the importer's scope for the kind's permission. */
  covers(path: string): boolean;
}

/** One pass over a file. Chunks come in file order; state (duplicates inside the file) lives in the checker. */
export interface Checker<Rec, Row> {
  /** Checks a chunk of records and returns the rows fit to be written (the others are reported). */
  check(records: Rec[]): Promise<Row[]>;
}

export interface WriteContext {
  tx: Tx;
  principal: Principal;
  vault: PiiVault;
  actor: Actor;
  audit: RecordAudit;
  /** Rows written so far (for the progress bar, where the database lets it be seen). */
  progress(written: number): Promise<void>;
}

/** What a write did, per row: created, updated, unchanged; importers may add counts of their own. */
export interface WriteSummary {
  created: number;
  updated: number;
  unchanged: number;
  [more: string]: number;
}

/** A spreadsheet row as an importer receives it: its number in the sheet and its values by field. */
export interface SheetRecord<F extends string> {
  row: number;
  values: Partial<Record<F, string>>;
}

/** A GeoJSON feature: its position in the collection (1-based) and what it carries. */
export interface FeatureRecord {
  row: number;
  code: string;
  geometry: unknown;
}
export type FeatureField = "code" | "geometry";

interface Base<Rec, Row, F extends string> {
  /** residents, partyMembers, staff, grids, gridPolygons … */
  kind: string;
  /** Needed to import this kind; its scope is where rows may land. */
  permission: Permission;
  label: Label;
  /** Where the kind stands in the wizard's list (lower first). */
  rank: number;
  checker(ctx: CheckContext<F>): Checker<Rec, Row>;
  /** Writes every row inside the one transaction of the import; returns what it did. */
  write(ctx: WriteContext, rows: Row[]): Promise<WriteSummary>;
}

export interface SheetImporter<F extends string, Row> extends Base<SheetRecord<F>, Row, F> {
  source: "sheet";
  /** The template's sheet name. */
  sheet: string;
  columns: readonly ImportColumn<F>[];
  /** Instructions for the template's notes sheet. */
  notes?: readonly string[];
}

export interface GeoJsonImporter<Row> extends Base<FeatureRecord, Row, FeatureField> {
  source: "geojson";
}

// Stored without their row types: the runner hands each importer only its own rows back.
export type AnySheetImporter = SheetImporter<string, unknown>;
export type AnyGeoJsonImporter = GeoJsonImporter<unknown>;
export type Importer = AnySheetImporter | AnyGeoJsonImporter;

/** The importer of a kind among the modules' importers (modules/index.ts lists them). */
export const importerOf = (importers: readonly Importer[], kind: string): Importer | undefined =>
  importers.find((i) => i.kind === kind);

/** A module's importer, stored without its row type (the runner hands it only its own rows back). */
export const anyImporter = <F extends string, Row>(importer: SheetImporter<F, Row> | GeoJsonImporter<Row>) =>
  importer as unknown as Importer;
