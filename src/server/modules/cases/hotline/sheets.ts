import { unprocessable } from "../../../platform/errors.ts";
import {
  type FieldSpec,
  openSheet,
  type SheetFormat,
  type SheetSpec,
  sheetFormat,
  templateWorkbook as workbook,
} from "../../../platform/xlsx/index.ts";
import type { HotlineField, NumberedRecord } from "./service.ts";

/** One import is one request: beyond this a file is split (each row is its own transaction). */
export const MAX_IMPORT_ROWS = 1000;

/** The headers as 12345 centres write them, first the one the template uses. */
const HEADERS: Record<HotlineField, string[]> = {
  recordId: ["工单编号", "工单号", "工单编码", "工单流水号", "受理编号", "受理单号", "编号", "流水号"],
  calledAt: ["来电时间", "来电日期", "受理时间", "登记时间", "创建时间"],
  callerName: ["来电人", "来电人姓名", "诉求人", "反映人", "联系人", "姓名", "来电者"],
  callerPhone: [
    "联系电话",
    "来电号码",
    "来电电话",
    "联系号码",
    "联系方式",
    "电话",
    "手机",
    "手机号",
    "手机号码",
  ],
  requestType: ["诉求类型", "工单类型", "来电类型", "业务类型", "类型"],
  category: ["诉求分类", "诉求类别", "问题分类", "问题类型", "事项分类", "分类"],
  content: ["诉求内容", "来电内容", "反映内容", "工单内容", "问题描述", "诉求描述", "内容"],
  address: ["事发地址", "事发地点", "发生地址", "问题地址", "诉求地址", "地址"],
  handlingUnit: ["承办单位", "办理单位", "责任单位", "承办部门", "处置单位"],
  deadline: ["办理时限", "办结时限", "处理时限", "时限", "截止时间"],
  urgency: ["紧急程度", "紧急度", "缓急程度", "是否紧急"],
  followUp: ["是否回访", "需要回访", "回访"],
};
const FIELDS = Object.keys(HEADERS) as HotlineField[];
/** Times stay text (hotline/service.ts reads them as China time); Excel date cells become that text. */
const SPEC: SheetSpec<HotlineField> = {
  fields: {} as Record<HotlineField, FieldSpec>,
  required: ["recordId", "content"],
};
for (const f of FIELDS)
  SPEC.fields[f] = { headers: HEADERS[f], kind: f === "calledAt" || f === "deadline" ? "dateTime" : "text" };

export { sheetFormat as sheetKind };

/** The sheet's work orders; more than MAX_IMPORT_ROWS is refused, and the rest is never read. */
export async function readSheet(bytes: Buffer, format: SheetFormat): Promise<NumberedRecord[]> {
  const sheet = await openSheet(bytes, format, SPEC);
  const out: NumberedRecord[] = [];
  for await (const { row, record } of sheet.rows) {
    if (out.length === MAX_IMPORT_ROWS) {
      await sheet.rows.return(undefined);
      throw unprocessable("TOO_MANY_ROWS", {
        max: MAX_IMPORT_ROWS,
      });
    }
    out.push({ row, record });
  }
  return out;
}

const EXAMPLE: Record<HotlineField, string> = {
  recordId: "示例-0001",
  calledAt: "2026-11-20 09:30",
  callerName: "王先生",
  callerPhone: "13900000000",
  requestType: "投诉",
  category: "城市管理",
  content: "小区门口有流动摊贩占道经营，影响通行",
  address: "某某街道某某社区幸福路12号",
  handlingUnit: "某某社区居委会",
  deadline: "3个工作日",
  urgency: "一般",
  followUp: "是",
};

const NOTES: Partial<Record<HotlineField, string>> = {
  recordId: "必填。热线中心的工单编号；同一编号再次导入不会重复登记",
  calledAt: "如 2026-11-20 09:30，或 Excel 日期",
  callerPhone: "手机或固定电话；不填视为匿名来电",
  content: "必填",
  address: "能对应到住户或社区的地址，用于分派到网格",
  handlingUnit: "写明社区或街道名称时，按其分派",
};
const LISTS: Partial<Record<HotlineField, readonly string[]>> = {
  requestType: ["咨询", "求助", "投诉", "举报", "建议"],
  urgency: ["一般", "紧急"],
  followUp: ["是", "否"],
};

/** The import template: the Chinese headers, one example row, and a sheet explaining the values. */
export function templateWorkbook(categoryNames: string[]): Promise<Buffer> {
  return workbook({
    sheet: "工单",
    columns: FIELDS.map((f) => ({
      header: HEADERS[f][0] ?? f,
      example: EXAMPLE[f],
      width: f === "content" ? 40 : 16,
      list: LISTS[f],
      note: f === "category" ? `可填：${categoryNames.join(" / ")}` : NOTES[f],
    })),
  });
}
