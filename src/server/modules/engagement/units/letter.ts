import type { Principal } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { FONT, newPdf, pdfBytes } from "../../../platform/pdf/index.ts";
import { memberByPhone } from "../../people/index.ts";
import { chinaToday } from "./names.ts";
import { namesOfRows } from "./report-in-views.ts";
import { reachable } from "./report-ins.ts";

const RED = "#b71c1c";
const INK = "#222222";

/** 2026-12-05 as 2026年12月5日, as letters are dated. */
const inChinese = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * GET /report-ins/{id}/letter.pdf: the 机关在职党员下基层介绍信 of a report-in, for the member, his
 * unit's staff and the community. Printed for Chinese readers: its words are Chinese whatever the
 * reader's language. The unit signs and seals the printed copy where the seal line is.
 */
export async function letterPdf(db: Db, principal: Principal, id: string) {
  const me = await memberByPhone(db, principal.phone);
  const row = await reachable(db, principal, id, me?.id ?? null);
  const names = await namesOfRows(db, [row]);
  const unit = names.unit(row.unitId).name;
  const member = names.member(row.memberId).name;
  const community = names.community(row.communityId).name;
  const issued = chinaToday(row.letterIssuedAt ?? row.createdAt);

  const doc = newPdf({ size: "A4", margin: 72, info: { Title: "机关在职党员下基层介绍信", Author: unit } });
  const width = doc.page.width - 144;
  doc.font(FONT.bold).fontSize(22).fillColor(RED).text("机关在职党员下基层介绍信", { align: "center" });
  doc.moveDown(0.3).fontSize(11).font(FONT.regular).fillColor(INK);
  doc.text(`${row.year}年度 · 双报到`, { align: "center" });
  doc
    .moveTo(72, doc.y + 8)
    .lineTo(72 + width, doc.y + 8)
    .lineWidth(1.5)
    .strokeColor(RED)
    .stroke();
  doc.moveDown(2).fontSize(15).text(`${community}党组织：`);
  doc
    .moveDown(0.8)
    .text(
      `兹介绍我单位在职党员 ${member} 同志到贵社区报到，参加${row.year}年度社区志愿服务和组织生活，` +
        "亮身份、领岗位、办实事，接受社区党组织的管理和监督。请予接洽。",
      { indent: 30, lineGap: 8, align: "justify" },
    );
  doc.moveDown(0.8).text("此致", { indent: 30 });
  doc.text("敬礼！");
  doc.moveDown(3);
  const right = { width, align: "right" as const };
  doc.text(`${unit}党组织（盖章）`, 72, doc.y, right);
  doc.moveDown(0.5).text(inChinese(issued), 72, doc.y, right);
  doc.moveDown(4).fontSize(10).fillColor("#666666");
  doc.text("（本介绍信由单位党组织开具，党员持此信到居住地社区报到，社区审核后留存。）", 72, doc.y, {
    width,
  });
  return { bytes: await pdfBytes(doc), name: `${member}介绍信-${row.year}.pdf` };
}
