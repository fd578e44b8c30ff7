import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { ID_DIGITS_LOST, openSheet, type SheetSpec } from "./index.ts";

type Field = "name" | "idNumber" | "phone" | "joinedOn" | "building" | "note";
const SPEC: SheetSpec<Field> = {
  fields: {
    name: { headers: ["姓名", "居民姓名"] },
    idNumber: { headers: ["身份证号", "公民身份号码"], kind: "idNumber" },
    phone: { headers: ["手机号", "联系电话"] },
    joinedOn: { headers: ["入党日期"], kind: "date" },
    building: { headers: ["楼栋"] },
    note: { headers: ["备注"] },
  },
  required: ["name", "idNumber"],
};

async function xlsx(rows: unknown[][], shape?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("名册");
  for (const r of rows) sheet.addRow(r);
  shape?.(sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function read(bytes: Buffer, format: "xlsx" | "csv" = "xlsx") {
  const sheet = await openSheet(bytes, format, SPEC);
  const rows = [];
  for await (const r of sheet.rows) rows.push(r);
  return { ...sheet, rows };
}

describe("reading a messy sheet", () => {
  it("finds the header below title rows, in any order, with spaces, marks and full-width letters", async () => {
    const sheet = await read(
      await xlsx(
        [
          ["红旗社区党员名册"],
          ["（2026年11月）"],
          ["备 注", "＊入党日期（必填）", "公民身份号码", " 姓　名 ", "联系电话"],
          ["", "2005-07-01", "360731198506120028", "王小明", "13912345678"],
        ],
        (s) => s.mergeCells("A1:E1"),
      ),
    );
    expect(sheet.headerRow).toBe(3);
    expect(sheet.titles).toEqual({
      note: "备 注",
      joinedOn: "入党日期（必填）",
      idNumber: "公民身份号码",
      name: "姓　名",
      phone: "联系电话",
    });
    expect(sheet.rows).toEqual([
      {
        row: 4,
        record: {
          joinedOn: "2005-07-01",
          idNumber: "360731198506120028",
          name: "王小明",
          phone: "13912345678",
        },
      },
    ]);
  });

  it("reads numbers, dates, full-width digits, trailing spaces, merged cells and skips empty rows", async () => {
    const date = new Date(Date.UTC(2023, 0, 5));
    const { rows } = await read(
      await xlsx(
        [
          ["姓名", "身份证号", "手机号", "入党日期", "楼栋"],
          ["张三  ", "３６０７３１１９８５０６１２００２８", "１３９１２３４５６７８", 44931, "3"],
          [],
          ["李四", 360731850612002, 13912345678, date, ""],
          ["王五", 360731198506120000, "", "2023/1/5", ""],
          ["赵六", "3.60731E+17", "", "2023年1月5日", "5"],
          ["钱七", "3.60731850612002E+14", "", "2023.1.5", ""],
          ["孙八", "360731198506120028", "", "2023-13-45", ""],
          ["", "", "", "", ""],
        ],
        // 3 is merged down over the next rows, as a clerk lays out one building's families.
        (s) => s.mergeCells("E2:E5"),
      ),
    );
    const byRow = Object.fromEntries(rows.map((r) => [r.row, r]));
    expect(Object.keys(byRow)).toEqual(["2", "4", "5", "6", "7", "8"]);
    expect(byRow[2]).toEqual({
      row: 2,
      record: {
        name: "张三",
        idNumber: "360731198506120028",
        phone: "13912345678",
        joinedOn: "2023-01-05",
        building: "3",
      },
    });
    // A 15-digit number survives Excel whole; a date cell is a day.
    expect(byRow[4]?.record).toEqual({
      name: "李四",
      idNumber: "360731850612002",
      phone: "13912345678",
      joinedOn: "2023-01-05",
      building: "3",
    });
    // 18 digits as a number, or as Excel's 3.60731E+17, have lost their last digits.
    expect(byRow[5]?.issues).toEqual([{ field: "idNumber", reason: ID_DIGITS_LOST }]);
    expect(byRow[5]?.record).toMatchObject({ joinedOn: "2023-01-05", building: "3" });
    expect(byRow[6]?.issues).toEqual([{ field: "idNumber", reason: ID_DIGITS_LOST }]);
    expect(byRow[6]?.record).toMatchObject({ joinedOn: "2023-01-05", building: "5" });
    // Scientific notation that spells out every digit is exact.
    expect(byRow[7]?.record).toMatchObject({ idNumber: "360731850612002", joinedOn: "2023-01-05" });
    expect(byRow[7]?.issues).toBeUndefined();
    expect(byRow[8]?.issues).toEqual([
      { field: "joinedOn", reason: expect.stringContaining("无法识别的日期“2023-13-45”") },
    ]);
  });

  it("keeps Chinese text whole across the chunks of a long sheet", async () => {
    // Inline strings (no shared-string table), tens of thousands of them: many a character falls
    // across two inflated chunks, which exceljs's own streaming reader garbles.
    const out = new PassThrough();
    const bytes = buffer(out);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useSharedStrings: false,
      useStyles: false,
    });
    const ws = wb.addWorksheet("居民");
    ws.addRow(["姓名", "身份证号", "备注"]).commit();
    const N = 20_000;
    for (let i = 0; i < N; i++)
      ws.addRow([`居民${i}号`, `3607311985061200${i % 10}`, "户籍人口，常住本社区"]).commit();
    ws.commit();
    await wb.commit();
    const { rows } = await read(await bytes);
    expect(rows).toHaveLength(N);
    expect(
      rows.every((r, i) => r.record.name === `居民${i}号` && r.record.note === "户籍人口，常住本社区"),
    ).toBe(true);
  });

  it("reads CSV in UTF-8 with a BOM and in GB18030, as Excel saves it", async () => {
    const text =
      "备注,姓名,身份证号,入党日期\r\n,王小明,360731198506120028,2005/7/1\r\n\r\n,李 四 ,3.60731E+17,2023年1月5日\r\n";
    const utf8 = await read(Buffer.from(`\uFEFF${text}`), "csv");
    const gb = await read(Buffer.from(new Uint8Array(encodeGb18030(text))), "csv");
    for (const { rows } of [utf8, gb]) {
      expect(rows).toEqual([
        { row: 2, record: { name: "王小明", idNumber: "360731198506120028", joinedOn: "2005-07-01" } },
        {
          row: 4,
          record: { name: "李 四", idNumber: "3.60731E+17", joinedOn: "2023-01-05" },
          issues: [{ field: "idNumber", reason: ID_DIGITS_LOST }],
        },
      ]);
    }
  });

  it("refuses a sheet without a header, or without a required column, saying which", async () => {
    const none = await openSheet(await xlsx([["随便写点什么"], ["1", "2", "3"]]), "xlsx", SPEC).catch(
      (e) => e,
    );
    expect(none).toBeInstanceOf(AppError);
    expect(none).toMatchObject({ code: "HEADER_NOT_FOUND", status: 422 });
    const missing = await openSheet(await xlsx([["姓名", "手机号", "楼栋"]]), "xlsx", SPEC).catch((e) => e);
    expect(missing).toMatchObject({ code: "MISSING_COLUMNS", details: { missing: ["身份证号"] } });
    const broken = await openSheet(Buffer.from("PK\u0003\u0004 not really a zip"), "xlsx", SPEC).catch(
      (e) => e,
    );
    expect(broken).toMatchObject({ code: "UNREADABLE_SPREADSHEET", status: 422 });
  });
});

/** GB18030 bytes of a string, as Excel on a Chinese Windows saves CSV. Node decodes it but has no encoder. */
function encodeGb18030(text: string): Buffer {
  // Every character used here is in the two-byte (GBK) part: a table from decoding all of it once.
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder("gb18030");
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
