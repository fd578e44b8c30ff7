import { FONT, newPdf, pdfBytes } from "../../platform/pdf/index.ts";
import { asBuffer, transfer } from "../../platform/workers/index.ts";
import type { CardPerson, ContactCard } from "./card.ts";
import type { PosterSize } from "./poster.ts";
import { type Box, drawOutline, drawPhoto, drawQr, GREY, INK, LINE, RED } from "./poster-draw.ts";
import type { StaffRole } from "./tables.ts";

/** Page widths in points; everything is laid out for A4 and scaled, so A3 is the same poster, larger. */
const WIDTH: Record<PosterSize, number> = { A4: 595.28, A3: 841.89 };
const A4_HEIGHT = 841.89;
const MARGIN = 28;
const FOOTER = 26;
const GAP = 8;

/** The poster is printed for Chinese residents: its words are Chinese whatever the reader's language. */
const ROLE_NAMES: Record<StaffRole, string> = {
  gridLeader: "网格长",
  gridWorker: "网格员",
  buildingHead: "楼栋长",
  entranceHead: "单元长",
  liaison: "联户长",
};
const roleName = (p: CardPerson) =>
  p.role === "gridWorker" && p.partTime ? "兼职网格员" : ROLE_NAMES[p.role];

/** Three bands of people: the grid's own staff large, the volunteers in smaller cards. */
const SECTIONS: Array<{ title: string; roles: StaffRole[]; large: boolean }> = [
  { title: "网格长 · 网格员", roles: ["gridLeader", "gridWorker"], large: true },
  { title: "楼栋长 · 单元长", roles: ["buildingHead", "entranceHead"], large: false },
  { title: "联户长（党员中心户）", roles: ["liaison"], large: false },
];

/** What the poster is drawn from, as plain data for a worker thread: the photos are read already. */
export interface PosterData {
  card: ContactCard;
  size: PosterSize;
  /** What the QR code opens: the request form for this grid. */
  formUrl: string;
  /** A staff photo's bytes by file id (null when missing). */
  photos: Map<string, Uint8Array | null>;
}

/**
 * The grid's 民情联系卡 as a printable PDF: a red title band, the grid's outline, the QR code that
 * opens the request form, then every person with photo, name, role, phone and duties. A grid with
 * many liaisons continues on further pages under a short title; each page has its footer.
 * A worker task (platform/workers): see posterPdf.
 */
export async function drawPoster({ card, size, formUrl, photos }: PosterData): Promise<Uint8Array> {
  const s = WIDTH[size] / WIDTH.A4;
  const W = WIDTH.A4;
  const H = A4_HEIGHT;
  const title = `${card.name} 民情联系卡`;
  const doc = newPdf({
    size,
    margin: 0,
    bufferPages: true,
    info: { Title: title, Subject: "亮身份 · 亮职责 · 亮电话", Author: card.community?.name ?? "" },
  });
  // Laid out in A4 points; one transform makes it A3.
  const scaled = () => doc.scale(s);
  scaled();

  let y = firstPageHead(doc, card, title, formUrl);
  const newPage = () => {
    doc.addPage({ size, margin: 0 });
    scaled();
    y = continuationHead(doc, title);
  };
  const bottom = H - FOOTER - 6;

  if (card.staff.length === 0) {
    doc
      .font(FONT.regular)
      .fontSize(14)
      .fillColor(GREY)
      .text("本网格人员信息待公布", MARGIN, y + 20);
  }
  for (const section of SECTIONS) {
    const people = card.staff.filter((p) => section.roles.includes(p.role));
    if (people.length === 0) continue;
    const columns = section.large ? 2 : 4;
    const cardW = (W - 2 * MARGIN - (columns - 1) * GAP) / columns;
    const cardH = section.large ? 104 : 78;
    if (y + 26 + cardH > bottom) newPage();
    y = sectionTitle(doc, section.title, y);
    for (let i = 0; i < people.length; i += columns) {
      if (y + cardH > bottom) newPage();
      people.slice(i, i + columns).forEach((p, c) => {
        const box = { x: MARGIN + c * (cardW + GAP), y, w: cardW, h: cardH };
        const stored = p.photoId ? photos.get(p.photoId) : undefined;
        const bytes = stored ? asBuffer(stored) : null;
        if (section.large) largeCard(doc, p, bytes, box);
        else smallCard(doc, p, bytes, box);
      });
      y += cardH + GAP;
    }
    y += 6;
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const where = [card.street?.name, card.community?.name].filter(Boolean).join(" ");
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(GREY)
      .text(`${where}　网格编码 ${card.code}　第 ${i + 1} / ${range.count} 页`, MARGIN, H - FOOTER + 6, {
        width: W - 2 * MARGIN,
        align: "center",
        lineBreak: false,
      });
  }
  return transfer(await pdfBytes(doc));
}

/** Title band, grid outline, the call to action and the QR code; returns where the people start. */
function firstPageHead(doc: PDFKit.PDFDocument, card: ContactCard, title: string, formUrl: string): number {
  const W = WIDTH.A4;
  doc.rect(0, 0, W, 92).fill(RED);
  doc.font(FONT.bold).fontSize(24).fillColor("#ffffff");
  doc.text(title, MARGIN, 20, { width: W - 2 * MARGIN, lineBreak: false, ellipsis: true });
  const where = [card.street?.name, card.community?.name, `网格编码 ${card.code}`].filter(Boolean);
  doc.font(FONT.regular).fontSize(11).fillColor("#ffe7e8").text(where.join(" · "), MARGIN, 56);
  doc
    .font(FONT.bold)
    .fontSize(13)
    .fillColor("#ffd666")
    .text("亮身份 · 亮职责 · 亮电话", MARGIN, 54, { width: W - 2 * MARGIN, align: "right" });

  const top = 108;
  const side = 112;
  if (card.geometry) {
    drawOutline(doc, card.geometry, { x: MARGIN, y: top, w: side, h: side });
    caption(doc, "网格范围", MARGIN, top + side + 3, side);
  }
  const qrX = W - MARGIN - side;
  drawQr(doc, formUrl, { x: qrX, y: top, w: side });
  caption(doc, "扫码反映诉求", qrX, top + side + 3, side, true);

  const textX = MARGIN + side + 18;
  const textW = qrX - 18 - textX;
  doc
    .font(FONT.bold)
    .fontSize(17)
    .fillColor(INK)
    .text("有事找网格", textX, top + 6, { width: textW });
  doc
    .font(FONT.regular)
    .fontSize(10.5)
    .fillColor(INK)
    .text(
      "小事不出网格，大事不出社区。遇到困难、发现问题，请直接打电话给下面的网格长、网格员、楼栋长，或用手机扫右边的二维码反映诉求，我们会及时回应、办理和反馈。",
      textX,
      top + 34,
      { width: textW, lineGap: 3 },
    );
  return top + side + 28;
}

function continuationHead(doc: PDFKit.PDFDocument, title: string): number {
  doc.rect(0, 0, WIDTH.A4, 44).fill(RED);
  doc
    .font(FONT.bold)
    .fontSize(15)
    .fillColor("#ffffff")
    .text(`${title}（续）`, MARGIN, 13, { width: WIDTH.A4 - 2 * MARGIN, lineBreak: false });
  return 60;
}

function caption(doc: PDFKit.PDFDocument, text: string, x: number, y: number, w: number, strong = false) {
  doc
    .font(strong ? FONT.bold : FONT.regular)
    .fontSize(strong ? 11 : 8.5)
    .fillColor(strong ? RED : GREY)
    .text(text, x, y, { width: w, align: "center", lineBreak: false });
}

function sectionTitle(doc: PDFKit.PDFDocument, title: string, y: number): number {
  doc.rect(MARGIN, y + 2, 4, 14).fill(RED);
  doc
    .font(FONT.bold)
    .fontSize(13)
    .fillColor(INK)
    .text(title, MARGIN + 10, y, { lineBreak: false });
  doc
    .moveTo(MARGIN, y + 21)
    .lineTo(WIDTH.A4 - MARGIN, y + 21)
    .lineWidth(0.5)
    .stroke(LINE);
  return y + 28;
}

/** One line of text cut with "…" to its width. */
function line(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number) {
  lines(doc, text, x, y, width, 1);
}

/**
 * Up to `count` lines of text, the last cut with "…". The height must leave room for a part of
 * one more line (pdfkit cuts when a next line would not fit) but not for a whole one.
 */
function lines(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, count: number) {
  doc.text(text, x, y, { width, height: doc.currentLineHeight(true) * (count + 0.6), ellipsis: true });
}

function frame(doc: PDFKit.PDFDocument, { x, y, w, h }: Box) {
  doc.roundedRect(x, y, w, h, 6).lineWidth(0.8).stroke(LINE);
}

/** 网格长/网格员: photo, name, role, phone, duties. */
function largeCard(doc: PDFKit.PDFDocument, p: CardPerson, photo: Buffer | null, box: Box) {
  frame(doc, box);
  drawPhoto(doc, photo, { x: box.x + 8, y: box.y + 8, w: 66, h: 88 });
  const x = box.x + 84;
  const width = box.x + box.w - 8 - x;
  doc.font(FONT.bold).fontSize(16).fillColor(INK);
  line(doc, p.name, x, box.y + 7, width - 70);
  const nameWidth = Math.min(doc.widthOfString(p.name), width - 70);
  tag(doc, roleName(p), x + nameWidth + 8, box.y + 11);
  doc.font(FONT.bold).fontSize(14).fillColor(RED);
  line(doc, `电话 ${p.phone}`, x, box.y + 33, width);
  if (p.duties) {
    doc.font(FONT.regular).fontSize(9).fillColor(GREY);
    lines(doc, p.duties, x, box.y + 56, width, 3);
  }
}

/** 楼栋长/单元长/联户长: smaller, four to a row. */
function smallCard(doc: PDFKit.PDFDocument, p: CardPerson, photo: Buffer | null, box: Box) {
  frame(doc, box);
  drawPhoto(doc, photo, { x: box.x + 6, y: box.y + 6, w: 33, h: 44 });
  const x = box.x + 45;
  const width = box.x + box.w - 5 - x;
  doc.font(FONT.bold).fontSize(11).fillColor(INK);
  line(doc, p.name, x, box.y + 4, width - 30);
  tag(doc, roleName(p), x + Math.min(doc.widthOfString(p.name), width - 30) + 4, box.y + 6, 7);
  const what = p.place ?? (p.households ? `联系 ${p.households} 户` : "");
  doc.font(FONT.regular).fontSize(7.5).fillColor(GREY);
  line(doc, what, x, box.y + 20, width);
  doc.font(FONT.bold).fontSize(9.5).fillColor(RED);
  line(doc, p.phone, x, box.y + 33, width);
  if (p.duties) {
    doc.font(FONT.regular).fontSize(6.8).fillColor(GREY);
    lines(doc, p.duties, box.x + 6, box.y + 53, box.w - 12, 2);
  }
}

/** A role in a small tinted box after the name. */
function tag(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size = 8.5) {
  doc.font(FONT.regular).fontSize(size);
  const pad = size * 0.45;
  const w = doc.widthOfString(text) + 2 * pad;
  doc.roundedRect(x, y, w, size * 1.55, 3).fill("#fdecec");
  doc.fillColor(RED).text(text, x + pad, y + size * 0.18, { lineBreak: false });
}
