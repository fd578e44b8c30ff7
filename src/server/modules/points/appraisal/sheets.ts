import { PassThrough } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import { exportLocale } from "../../../platform/http/export.ts";
import { WORDS } from "../../../platform/i18n/words.ts";
import { attachment, chinaDay, writeXlsx, XLSX_TYPE } from "../../../platform/xlsx/index.ts";
import type { getRound } from "./rounds.ts";

type Detail = Awaited<ReturnType<typeof getRound>>;
type Row = Detail["members"][number];

/** A round's members with their parts, weights in the headers, and the points credited: its 结果表. */
export function sendResultsXlsx(request: FastifyRequest, reply: FastifyReply, round: Detail) {
  const w = WORDS[exportLocale(request)];
  const a = w.pointsLedger.appraisal;
  const weights = round.weights;
  const part = (v: number | null | undefined) => (v === null || v === undefined ? null : v);
  const body = new PassThrough();
  async function* rows() {
    yield* round.members;
  }
  writeXlsx(
    body,
    {
      name: round.period,
      columns: [
        { header: a.members, width: 12, value: (r: Row) => r.name },
        { header: `${a.record} ${weights.record}%`, width: 12, value: (r: Row) => part(r.result?.record) },
        { header: `${a.self} ${weights.self}%`, width: 10, value: (r: Row) => part(r.result?.self) },
        { header: `${a.peer} ${weights.peer}%`, width: 12, value: (r: Row) => part(r.result?.peer) },
        {
          header: `${a.resident} ${weights.resident}%`,
          width: 12,
          value: (r: Row) => part(r.result?.resident),
        },
        { header: a.total, width: 10, value: (r: Row) => part(r.result?.total) },
        { header: a.points, width: 10, value: (r: Row) => part(r.result?.points) },
        { header: a.vetoed, width: 16, value: (r: Row) => r.result?.vetoed ?? null },
      ],
    },
    rows(),
  ).catch((err) => {
    request.log.error({ err }, "appraisal results export failed");
    body.destroy(err as Error);
  });
  const title = `${round.title}${w.export.files.appraisalResults}`;
  return reply
    .type(XLSX_TYPE)
    .header(
      "content-disposition",
      attachment(`${title}-${chinaDay()}.xlsx`, `appraisal-${round.period}.xlsx`),
    )
    .header("cache-control", "no-store")
    .send(body);
}
