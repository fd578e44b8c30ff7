import { transfer } from "../../../platform/workers/index.ts";
import type { ReportData } from "./data.ts";
import { reportPdf } from "./pdf.ts";
import { reportXlsx } from "./xlsx.ts";

/**
 * The report's files, as worker tasks (platform/workers): drawing charts, laying out the PDF and
 * compressing the workbook take a second or more of CPU per report, which on the event loop would
 * hold every request behind it. Loaded only in the worker threads.
 */
export const pdf = async (data: ReportData): Promise<Uint8Array> => transfer(await reportPdf(data));
export const xlsx = async (data: ReportData): Promise<Uint8Array> => transfer(await reportXlsx(data));
