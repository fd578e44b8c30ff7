import sjson from "secure-json-parse";
import { AppError, unprocessable } from "../errors.ts";
import {
  notASpreadsheet,
  openSheet,
  type SheetFormat,
  type SheetSpec,
  sheetFormat,
  XLSX_TYPE,
} from "../xlsx/index.ts";
import type { AnySheetImporter, FeatureRecord, Importer } from "./registry.ts";

/** An uploaded file as the importers read it: a sheet (xlsx or csv) or a GeoJSON FeatureCollection. */
export type Source =
  | { kind: "sheet"; format: SheetFormat; bytes: Buffer }
  | { kind: "geojson"; bytes: Buffer };

export const GEOJSON_TYPE = "application/geo+json";
export const CSV_TYPE = "text/csv";

/** How the sheet reader finds and reads an importer's columns. */
export function sheetSpecOf(importer: AnySheetImporter): SheetSpec<string> {
  const fields: SheetSpec<string>["fields"] = {};
  for (const c of importer.columns)
    fields[c.field] = { headers: [c.header, ...(c.synonyms ?? [])], kind: c.kind };
  return { fields, required: importer.columns.filter((c) => c.required).map((c) => c.field) };
}

/**
 * Recognises an upload for an importer by its bytes (xlsx by its ZIP signature; csv and GeoJSON as
 * text named so), and opens it once so that a file without the expected header or shape is refused
 * at once rather than by a job later. Returns the stored type.
 */
export async function acceptUpload(
  importer: Importer,
  bytes: Buffer,
  filename: string,
  mimetype: string,
): Promise<{ source: Source; mime: string }> {
  if (importer.source === "geojson") {
    const named = /\.(geo)?json$/i.test(filename) || /json/i.test(mimetype);
    if (!named || bytes.subarray(0, 8192).includes(0))
      throw new AppError("UNSUPPORTED_GEOJSON", 415, {
        filename,
        accepted: [".geojson", ".json"],
      });
    parseFeatures(bytes);
    return { source: { kind: "geojson", bytes }, mime: GEOJSON_TYPE };
  }
  const format = sheetFormat(bytes, filename, mimetype);
  if (!format) throw notASpreadsheet(filename);
  const opened = await openSheet(bytes, format, sheetSpecOf(importer));
  await opened.rows.return(undefined);
  return { source: { kind: "sheet", format, bytes }, mime: format === "xlsx" ? XLSX_TYPE : CSV_TYPE };
}

/** The stored file back as a source, by the type recorded when it was uploaded. */
export function sourceOf(bytes: Buffer, mime: string): Source {
  if (mime === GEOJSON_TYPE) return { kind: "geojson", bytes };
  return { kind: "sheet", format: mime === CSV_TYPE ? "csv" : "xlsx", bytes };
}

/** The features of a FeatureCollection, each with its grid code (properties.code, or the feature's id). */
export function parseFeatures(bytes: Buffer): FeatureRecord[] {
  let doc: unknown;
  try {
    doc = sjson.parse(new TextDecoder().decode(bytes), undefined, {
      protoAction: "remove",
      constructorAction: "remove",
    });
  } catch (err) {
    throw unprocessable("INVALID_GEOJSON", { reason: (err as Error).message });
  }
  const collection = doc as { type?: unknown; features?: unknown };
  if (collection?.type !== "FeatureCollection" || !Array.isArray(collection.features))
    throw unprocessable("INVALID_GEOJSON", { type: collection?.type ?? null });
  return collection.features.map((f: unknown, i: number) => {
    const feature = (f ?? {}) as {
      id?: unknown;
      properties?: Record<string, unknown> | null;
      geometry?: unknown;
    };
    const p = feature.properties ?? {};
    const code = p.code ?? p.编码 ?? p.网格编码 ?? feature.id ?? "";
    return { row: i + 1, code: String(code).normalize("NFKC").trim(), geometry: feature.geometry ?? null };
  });
}
