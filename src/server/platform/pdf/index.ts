export { FONT, FONT_FAMILY, fontPaths, newPdf, pdfBytes } from "./document.ts";
export { drawTable, type PdfColumn, type PdfTableBox } from "./table.ts";
