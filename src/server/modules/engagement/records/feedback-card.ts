import ExcelJS from "exceljs";
import { engagementRecordsZhCN as words } from "../../../../shared/locales/engagement-records.zh-CN.ts";
import { drawTable, FONT, newPdf, type PdfColumn, pdfBytes } from "../../../platform/pdf/index.ts";
import { chinaDate } from "../periods.ts";
import type { CardContent } from "./feedback.ts";

/** The form's name, as the district prints it (东湖 1+X). */
export const CARD_TITLE = "机关在职党员下基层反馈卡";

const W = 595.28;
const MARGIN = 50;
const CONTENT = W - 2 * MARGIN;
const INK = "#1f2329";
const RED = "#c8161d";

type Service = CardContent["services"][number];

const serviceColumns: PdfColumn<Service>[] = [
  { header: "日期", width: 1.2, value: (s) => s.servedOn },
  { header: "类别", width: 1.2, value: (s) => words.kind[s.kind] },
  { header: "服务内容", width: 4, value: (s) => s.title },
  {
    header: "时长（小时）",
    width: 1.2,
    align: "right",
    value: (s) => (s.hours == null ? "" : String(s.hours)),
  },
];

const quarterName = (c: CardContent) => `${c.year}年第${c.quarter}季度`;
/** The day the card speaks for: when it was sent, else when it was written. */
const cardDay = (c: CardContent) => chinaDate(new Date(c.sentAt ?? c.writtenAt));

/** The card as an A4 page: who, where, the quarter's services, the grade and the community's word. */
export async function cardPdf(c: CardContent): Promise<Buffer> {
  const doc = newPdf({ size: "A4", margin: 0, info: { Title: CARD_TITLE, Author: c.communityName } });
  doc
    .font(FONT.bold)
    .fontSize(20)
    .fillColor(RED)
    .text(CARD_TITLE, MARGIN, 56, { width: CONTENT, align: "center" });
  doc
    .moveTo(MARGIN, 90)
    .lineTo(W - MARGIN, 90)
    .lineWidth(1.5)
    .strokeColor(RED)
    .stroke();
  const facts: Array<[string, string]> = [
    ["党员姓名", c.memberName],
    ["工作单位", c.unitName],
    ["报到社区", c.communityName],
    ["反馈季度", quarterName(c)],
  ];
  let y = 104;
  for (const [label, value] of facts) {
    doc.font(FONT.bold).fontSize(11).fillColor(INK).text(`${label}：`, MARGIN, y, { continued: true });
    doc.font(FONT.regular).text(value);
    y += 22;
  }
  y += 6;
  doc.font(FONT.bold).fontSize(12).text("本季度服务情况", MARGIN, y);
  y += 22;
  const box = {
    x: MARGIN,
    width: CONTENT,
    bottom: 700,
    newPage: () => {
      doc.addPage({ size: "A4", margin: 0 });
      return 50;
    },
  };
  if (c.services.length === 0) {
    doc.font(FONT.regular).fontSize(10).text("本季度暂无服务纪实", MARGIN, y);
    y += 24;
  } else y = drawTable(doc, serviceColumns, c.services, y, box) + 16;
  doc.font(FONT.bold).fontSize(12).text(`表现等次：${words.grade[c.grade]}`, MARGIN, y);
  y += 24;
  doc.font(FONT.bold).fontSize(12).text("社区党组织意见：", MARGIN, y);
  doc
    .font(FONT.regular)
    .fontSize(11)
    .text(c.comment, MARGIN, y + 20, { width: CONTENT, lineGap: 3 });
  y = doc.y + 30;
  doc
    .font(FONT.regular)
    .fontSize(11)
    .text(`${c.communityName}党组织（盖章）`, MARGIN, y, { width: CONTENT, align: "right" });
  doc.text(cardDay(c), MARGIN, y + 20, { width: CONTENT, align: "right" });
  return pdfBytes(doc);
}

/** The same card as a workbook: the facts above, the services below, for units that file them. */
export async function cardXlsx(c: CardContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("反馈卡");
  sheet.columns = [{ width: 14 }, { width: 12 }, { width: 44 }, { width: 14 }];
  sheet.addRow([CARD_TITLE]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, 4);
  for (const [label, value] of [
    ["党员姓名", c.memberName],
    ["工作单位", c.unitName],
    ["报到社区", c.communityName],
    ["反馈季度", quarterName(c)],
    ["表现等次", words.grade[c.grade]],
    ["社区意见", c.comment],
    ["日期", cardDay(c)],
  ])
    sheet.addRow([label, value]);
  sheet.addRow([]);
  const head = sheet.addRow(serviceColumns.map((col) => col.header));
  head.font = { bold: true };
  for (const s of c.services) sheet.addRow([s.servedOn, words.kind[s.kind], s.title, s.hours ?? null]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
