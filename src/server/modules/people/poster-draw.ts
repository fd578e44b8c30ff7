import type { MultiPolygon, Polygon, Position } from "geojson";
import QRCode from "qrcode";

/** The party red of the pages, and the greys of the poster. */
export const RED = "#c8161d";
export const INK = "#1f2329";
export const GREY = "#646a73";
export const LINE = "#dee0e3";

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A photo cut to its box (cover, centred), or a neat silhouette when there is none or its bytes
 * are not an image pdfkit can read.
 */
export function drawPhoto(doc: PDFKit.PDFDocument, bytes: Buffer | null, { x, y, w, h }: Box): void {
  doc.save();
  doc.roundedRect(x, y, w, h, Math.min(w, h) * 0.06).clip();
  let drawn = false;
  if (bytes) {
    try {
      doc.image(bytes, x, y, { cover: [w, h], align: "center", valign: "center" });
      drawn = true;
    } catch {
      // A stored photo pdfkit cannot decode: the silhouette below stands in for it.
    }
  }
  if (!drawn) {
    doc.rect(x, y, w, h).fill("#eef0f3");
    const cx = x + w / 2;
    doc.circle(cx, y + h * 0.36, w * 0.2).fill("#c4cad3");
    doc.ellipse(cx, y + h * 0.98, w * 0.38, h * 0.32).fill("#c4cad3");
  }
  doc.restore();
}

/**
 * The QR code as vector squares, not a picture: it stays sharp at any print size and no viewer
 * blurs it by interpolating pixels. `quiet` modules of white border come with it.
 */
export function drawQr(doc: PDFKit.PDFDocument, text: string, { x, y, w }: Omit<Box, "h">, quiet = 2): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = modules.size;
  const cell = w / (n + 2 * quiet);
  doc.save();
  doc.rect(x, y, w, w).fill("#ffffff");
  for (let row = 0; row < n; row++) {
    // Runs of dark modules in a row as one rectangle each: far fewer drawing operations.
    let start = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && modules.get(row, col);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        // A hair of overlap so that no seam shows between neighbouring runs.
        doc.rect(
          x + (quiet + start) * cell,
          y + (quiet + row) * cell,
          (col - start) * cell + 0.05,
          cell + 0.05,
        );
        start = -1;
      }
    }
  }
  doc.fill("#000000");
  doc.restore();
}

/** The grid's polygon as an outline fitted into a box (east–west shortened by the latitude). */
export function drawOutline(doc: PDFKit.PDFDocument, geometry: Polygon | MultiPolygon, box: Box): void {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const points = polygons.flat(2);
  const lngs = points.map((p) => p[0] ?? 0);
  const lats = points.map((p) => p[1] ?? 0);
  const [west, east, south, north] = [
    Math.min(...lngs),
    Math.max(...lngs),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const shrink = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * shrink, 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const pad = 6;
  const scale = Math.min((box.w - 2 * pad) / spanX, (box.h - 2 * pad) / spanY);
  const left = box.x + (box.w - spanX * scale) / 2;
  const top = box.y + (box.h - spanY * scale) / 2;
  const at = ([lng = 0, lat = 0]: Position): [number, number] => [
    left + (lng - west) * shrink * scale,
    top + (north - lat) * scale,
  ];
  doc.save();
  doc.roundedRect(box.x, box.y, box.w, box.h, 6).fill("#f7f8fa");
  for (const rings of polygons) {
    for (const ring of rings) {
      ring.forEach((p, i) => {
        const [px, py] = at(p);
        if (i === 0) doc.moveTo(px, py);
        else doc.lineTo(px, py);
      });
      doc.closePath();
    }
  }
  doc.lineWidth(1.5).lineJoin("round").fillAndStroke("#fbe3e4", RED, "even-odd");
  doc.restore();
}
