export { type CellKind, displayText, ID_DIGITS_LOST, readCell } from "./cells.ts";
export {
  type FieldSpec,
  headerKey,
  notASpreadsheet,
  type OpenedSheet,
  openSheet,
  type RawRow,
  rawRows,
  type SheetFormat,
  type SheetRow,
  type SheetSpec,
  sheetFormat,
} from "./read.ts";
export { REQUIRED_MARK, type TemplateColumn, type TemplateSpec, templateWorkbook } from "./template.ts";
export {
  attachment,
  type Cell,
  type Column,
  cellOf,
  chinaDay,
  type Sheet,
  writeXlsx,
  XLSX_FORMATS,
  XLSX_MAX_ROWS,
  XLSX_TYPE,
} from "./write.ts";
