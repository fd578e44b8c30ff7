import ExcelJS from "exceljs";

/** One column of an import template. */
export interface TemplateColumn {
  header: string;
  required?: boolean;
  /** The example row's value. */
  example: string;
  /** The accepted values, offered as a drop-down list in the cells (Excel data validation). */
  list?: readonly string[];
  /** What to write, for the instructions sheet. */
  note?: string;
  /** Stored as text, so Excel keeps an 18-digit 身份证 number or a leading zero as typed. */
  text?: boolean;
  width?: number;
}

export interface TemplateSpec {
  /** The data sheet's name, e.g. 居民. */
  sheet: string;
  columns: readonly TemplateColumn[];
  /** General instructions above the per-column notes. */
  notes?: readonly string[];
}

/** How far down the drop-down lists and text formats reach. */
const FORMATTED_ROWS = 5000;
/** Excel's limit for a list written into the validation itself ("a,b,c"). */
const MAX_INLINE_LIST = 255;

export const REQUIRED_MARK = "*";

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/**
 * The import template: the Chinese headers (required ones marked with * and in red), one example
 * row, drop-down lists for the enumerations, widths to fit, and a sheet explaining every column.
 * The importer reads it back as it reads any sheet.
 */
export async function templateWorkbook(spec: TemplateSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(spec.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({
    header: `${c.required ? REQUIRED_MARK : ""}${c.header}`,
    width: c.width ?? Math.max(12, c.header.length * 2 + 4, c.example.length + 4),
    ...(c.text ? { style: { numFmt: "@" } } : {}),
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  spec.columns.forEach((c, i) => {
    if (c.required) head.getCell(i + 1).font = { bold: true, color: { argb: "FFC00000" } };
  });
  sheet.addRow(spec.columns.map((c) => c.example));
  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  spec.columns.forEach((c, i) => {
    if (!c.list?.length) return;
    const formula = `"${c.list.join(",")}"`;
    if (formula.length > MAX_INLINE_LIST)
      throw new Error(`the list of ${c.header} is too long for a template`);
    const letter = sheet.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${FORMATTED_ROWS + 1}`, {
      type: "list",
      allowBlank: !c.required,
      formulae: [formula],
      showErrorMessage: true,
      errorTitle: c.header,
      error: `请从下拉列表中选择：${c.list.join("、")}`,
    });
  });

  const help = wb.addWorksheet("填写说明");
  help.columns = [
    { header: "列名", width: 16 },
    { header: "是否必填", width: 10 },
    { header: "说明", width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const note of spec.notes ?? []) help.addRow(["", "", note]);
  for (const c of spec.columns) {
    const values = c.list?.length ? `可选：${c.list.join(" / ")}` : "";
    help.addRow([c.header, c.required ? "必填" : "", [c.note, values].filter(Boolean).join("；")]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
