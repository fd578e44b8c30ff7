export { FONT, newPdf, pdfBytes } from "./document.ts";
