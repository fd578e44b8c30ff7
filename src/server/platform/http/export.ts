import { PassThrough } from "node:stream";
import { type TObject, type TProperties, type TSchema, Type } from "@sinclair/typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import { unprocessable } from "../errors.ts";
import { type Locale, pickLocale } from "../i18n/messages.ts";
import { WORDS, type Words } from "../i18n/words.ts";
import { attachment, type Column, chinaDay, writeXlsx, XLSX_MAX_ROWS, XLSX_TYPE } from "../xlsx/index.ts";
import { DEFAULT_PAGE_SIZE, type Paging } from "./paging.ts";

/** Rows fetched per query while exporting: the list's own query, a page at a time. */
export const EXPORT_PAGE_SIZE = 1000;

const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

/** What every exportable list takes besides its filters. */
export const ExportQuery = {
  format: Type.Optional(
    literals(
      ["json", "xlsx"] as const,
      "json (default): this page; xlsx: every page with the same filters as one .xlsx file",
    ),
  ),
  lang: Type.Optional(
    literals(
      ["zh-CN", "en"] as const,
      "the file's language (headers, labels); default from Accept-Language, else zh-CN",
    ),
  ),
};

type ExportQueryProps = typeof ExportQuery;

/**
 * A list route's schema that also answers `format=xlsx`: the querystring takes `format` and
 * `lang`, and /openapi.json shows the 200 answer as the JSON page or the file.
 */
export function exportable<Q extends TProperties, P extends TSchema, E extends TSchema, O extends object>(
  schema: O & { querystring: TObject<Q>; response: { 200: P; "4xx": E } },
): Omit<O, "querystring" | "response"> & {
  querystring: TObject<Q & ExportQueryProps>;
  response: { "4xx": E; 200: ExportableAnswer<P> };
} {
  const { querystring, response, ...rest } = schema;
  return {
    ...rest,
    querystring: Type.Object(
      { ...querystring.properties, ...ExportQuery },
      { additionalProperties: false },
    ) as unknown as TObject<Q & ExportQueryProps>,
    response: {
      "4xx": response["4xx"],
      200: {
        description: "The page as JSON; with format=xlsx, the whole list as a spreadsheet (a download)",
        content: {
          "application/json": { schema: response[200] },
          [XLSX_TYPE]: { schema: Type.String({ format: "binary" }) },
        },
      },
    },
  };
}

interface ExportableAnswer<P extends TSchema> {
  description: string;
  content: {
    "application/json": { schema: P };
    [XLSX_TYPE]: { schema: TSchema };
  };
}

/** A page of a list, with the route's filters and the caller's scope already applied. */
export type PageOf<R> = (paging: Required<Paging>) => Promise<{ items: R[]; total: number }>;

/** The item type of a list function's page. */
export type ItemOf<F extends (...args: never[]) => Promise<{ items: unknown[] }>> = Awaited<
  ReturnType<F>
>["items"][number];

/** How a list looks as a spreadsheet; the file is named by `export.files[key]` and the day. */
export interface ListSheet<R> {
  key: keyof Words["export"]["files"];
  columns: (w: Words) => Column<R>[];
}

interface ExportParams {
  format?: "json" | "xlsx";
  lang?: Locale;
  page?: number;
  pageSize?: number;
}
const paramsOf = (request: FastifyRequest) => request.query as ExportParams;

export const wantsXlsx = (request: FastifyRequest) => paramsOf(request).format === "xlsx";

/** The spreadsheet's language: `lang`, else the browser's, else zh-CN. */
export const exportLocale = (request: FastifyRequest): Locale =>
  paramsOf(request).lang ?? pickLocale(request.headers["accept-language"]);

/** The JSON page the route always answered, or with format=xlsx the whole list as a file. */
export function listOrExport<R>(
  request: FastifyRequest,
  reply: FastifyReply,
  sheet: ListSheet<R>,
  list: PageOf<R>,
) {
  if (wantsXlsx(request)) return sendXlsx(request, reply, sheet, list);
  const { page = 1, pageSize = DEFAULT_PAGE_SIZE } = paramsOf(request);
  return list({ page, pageSize });
}

/**
 * Every page's rows, one query at a time. The lists order by a unique key last (an id), so pages
 * neither repeat nor skip a row; a row written meanwhile may or may not be in the file.
 */
async function* rowsFrom<R>(first: { items: R[] }, list: PageOf<R>): AsyncGenerator<R> {
  yield* first.items;
  let last = first.items.length;
  for (let page = 2; last === EXPORT_PAGE_SIZE; page++) {
    const { items } = await list({ page, pageSize: EXPORT_PAGE_SIZE });
    yield* items;
    last = items.length;
  }
}

/**
 * Streams every page of `list` as an .xlsx download. The first page is read before anything is
 * sent, so a refusal (out of scope, too many rows) is still a JSON error; after that a failure
 * can only cut the download short, and is logged.
 */
export async function sendXlsx<R>(
  request: FastifyRequest,
  reply: FastifyReply,
  sheet: ListSheet<R>,
  list: PageOf<R>,
) {
  const first = await list({ page: 1, pageSize: EXPORT_PAGE_SIZE });
  if (first.total > XLSX_MAX_ROWS)
    throw unprocessable("EXPORT_TOO_LARGE", {
      total: first.total,
      max: XLSX_MAX_ROWS,
    });
  const w = WORDS[exportLocale(request)];
  const title = w.export.files[sheet.key];
  const day = chinaDay();
  const body = new PassThrough();
  writeXlsx(body, { name: title, columns: sheet.columns(w) }, rowsFrom(first, list)).catch((err) => {
    request.log.error({ err }, "spreadsheet export failed");
    body.destroy(err as Error);
  });
  return reply
    .type(XLSX_TYPE)
    .header("content-disposition", attachment(`${title}-${day}.xlsx`, `${sheet.key}-${day}.xlsx`))
    .header("cache-control", "no-store")
    .send(body);
}
