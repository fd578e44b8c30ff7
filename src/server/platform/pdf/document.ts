import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

/**
 * Noto Sans SC as TrueType from an npm package, so no system font is assumed. A TTF/OTF is needed:
 * pdfkit cannot read woff2 (those packages render invisible glyphs). It embeds only the glyphs
 * used, so a one-page document stays small although each font file is 10 MB.
 */
const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
} as const;

/** The font names registered on every document. */
export const FONT = { regular: "cjk", bold: "cjk-bold" } as const;

/** The family name inside both files, for renderers that look fonts up by name (charts). */
export const FONT_FAMILY = "Noto Sans SC";

/** Where the font files are on disk, for renderers that take paths rather than bytes. */
export function fontPaths(): Record<keyof typeof FONT_FILES, string> {
  const require = createRequire(import.meta.url);
  return { regular: require.resolve(FONT_FILES.regular), bold: require.resolve(FONT_FILES.bold) };
}

let loaded: Record<keyof typeof FONT_FILES, Buffer> | undefined;
/** Read once per process; fontkit parses them lazily per document. */
function fontBytes() {
  if (!loaded) {
    const paths = fontPaths();
    loaded = { regular: readFileSync(paths.regular), bold: readFileSync(paths.bold) };
  }
  return loaded;
}

/** A pdfkit document with the Chinese fonts registered, the regular one selected. */
export function newPdf(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument(options);
  const bytes = fontBytes();
  doc.registerFont(FONT.regular, bytes.regular);
  doc.registerFont(FONT.bold, bytes.bold);
  doc.font(FONT.regular);
  return doc;
}

/** Ends the document and collects its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}
