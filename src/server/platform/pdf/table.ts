import { FONT } from "./document.ts";

export interface PdfColumn<R> {
  header: string;
  /** A share of the table's width; the shares need not add up to 1. */
  width: number;
  align?: "left" | "center" | "right";
  value: (row: R) => string;
}

export interface PdfTableBox {
  x: number;
  width: number;
  /** Where a row may not reach past: above the footer. */
  bottom: number;
  /** Starts a new page and says where the table continues on it. */
  newPage: () => number;
}

const ROW = 20;
const PAD = 5;
const COLORS = { ink: "#1f2329", head: "#f2f3f5", line: "#dee0e3", zebra: "#fafafa" } as const;

/**
 * A table drawn by hand: a bold header on a grey band, one line of text a row (cut with "…"),
 * hairlines between rows. A row that would run past `box.bottom` goes to a new page, and the header
 * is drawn again above it. Returns where the table ends.
 */
export function drawTable<R>(
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn<R>[],
  rows: readonly R[],
  top: number,
  box: PdfTableBox,
  fontSize = 9.5,
): number {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * box.width);
  const cells = (texts: string[], y: number, bold: boolean) => {
    doc
      .font(bold ? FONT.bold : FONT.regular)
      .fontSize(fontSize)
      .fillColor(COLORS.ink);
    let x = box.x;
    texts.forEach((text, i) => {
      const w = widths[i] ?? 0;
      doc.text(text, x + PAD, y + (ROW - fontSize * 1.45) / 2, {
        width: w - 2 * PAD,
        align: columns[i]?.align ?? "left",
        lineBreak: false,
        ellipsis: true,
        height: ROW,
      });
      x += w;
    });
  };
  const rule = (y: number, color: string, width = 0.5) =>
    doc
      .moveTo(box.x, y)
      .lineTo(box.x + box.width, y)
      .lineWidth(width)
      .stroke(color);
  const header = (y: number) => {
    doc.rect(box.x, y, box.width, ROW).fill(COLORS.head);
    cells(
      columns.map((c) => c.header),
      y,
      true,
    );
    rule(y, COLORS.ink, 0.8);
    rule(y + ROW, COLORS.ink, 0.5);
    return y + ROW;
  };

  // The header never stands alone at the foot of a page.
  let y = top + 2 * ROW > box.bottom ? box.newPage() : top;
  y = header(y);
  rows.forEach((row, i) => {
    if (y + ROW > box.bottom) y = header(box.newPage());
    if (i % 2 === 1) doc.rect(box.x, y, box.width, ROW).fill(COLORS.zebra);
    cells(
      columns.map((c) => c.value(row)),
      y,
      false,
    );
    rule(y + ROW, COLORS.line);
    y += ROW;
  });
  return y;
}
