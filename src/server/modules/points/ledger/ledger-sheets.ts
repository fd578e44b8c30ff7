import { PassThrough } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import { exportLocale, type ItemOf, type ListSheet } from "../../../platform/http/export.ts";
import { WORDS } from "../../../platform/i18n/words.ts";
import { attachment, writeXlsx, XLSX_TYPE } from "../../../platform/xlsx/index.ts";
import type { listAccounts } from "./accounts-list.ts";
import type { listPostings } from "./postings-list.ts";
import type { Statement, StatementLine } from "./statements.ts";

/** Holders' accounts as a spreadsheet: the list's columns. */
export const accountSheet: ListSheet<ItemOf<typeof listAccounts>> = {
  key: "pointAccounts",
  columns: (w) => {
    const c = w.pointsLedger.sheet;
    return [
      { header: c.name, width: 16, value: (x) => x.name },
      { header: c.kind, width: 10, value: (x) => w.pointsLedger.kinds[x.audience] },
      { header: c.balance, width: 10, value: (x) => x.balance },
      { header: c.openedAt, width: 17, value: (x) => x.createdAt, format: "datetime" },
    ];
  },
};

/** The ledger's lines as a spreadsheet. */
export const postingSheet: ListSheet<ItemOf<typeof listPostings>> = {
  key: "pointPostings",
  columns: (w) => {
    const c = w.pointsLedger.sheet;
    return [
      { header: c.id, width: 10, value: (x) => x.id },
      { header: c.at, width: 17, value: (x) => x.at, format: "datetime" },
      { header: c.name, width: 16, value: (x) => x.holderName },
      { header: c.kind, width: 10, value: (x) => w.pointsLedger.kinds[x.audience] },
      { header: c.postingKind, width: 10, value: (x) => w.pointsLedger.postingKinds[x.kind] },
      { header: c.what, width: 30, value: (x) => x.what },
      { header: c.amount, width: 8, value: (x) => x.amount },
    ];
  },
};

type Row = { date: string; what: string; amount: number | null; balance: number };

/**
 * A month's 月度积分对账单 as an .xlsx file: the opening balance, each posting with the balance
 * after it, the closing balance. A month's lines are few, so the rows are at hand already.
 */
export function sendStatementXlsx(
  request: FastifyRequest,
  reply: FastifyReply,
  statement: Statement & { name: string; audience: keyof (typeof WORDS)["zh-CN"]["pointsLedger"]["kinds"] },
) {
  const w = WORDS[exportLocale(request)];
  const c = w.pointsLedger.statement;
  const what = (l: StatementLine) => l.what || w.pointsLedger.postingKinds[l.kind];
  const rows: Row[] = [
    { date: `${statement.month}-01`, what: c.opening, amount: null, balance: statement.opening },
    ...statement.items.map((l) => ({
      date: l.date,
      what: what(l),
      amount: l.amount,
      balance: l.balanceAfter,
    })),
    { date: "", what: c.closing, amount: null, balance: statement.closing },
  ];
  const title = `${statement.name}${w.pointsLedger.kinds[statement.audience]}${statement.month}${w.export.files.pointStatement}`;
  const body = new PassThrough();
  async function* each() {
    yield* rows;
  }
  writeXlsx(
    body,
    {
      name: `${statement.month}`,
      columns: [
        { header: c.date, width: 12, value: (r: Row) => r.date },
        { header: c.what, width: 32, value: (r: Row) => r.what },
        {
          header: c.income,
          width: 10,
          value: (r: Row) => (r.amount !== null && r.amount > 0 ? r.amount : null),
        },
        {
          header: c.expense,
          width: 10,
          value: (r: Row) => (r.amount !== null && r.amount < 0 ? -r.amount : null),
        },
        { header: c.balance, width: 10, value: (r: Row) => r.balance },
      ],
    },
    each(),
  ).catch((err) => {
    request.log.error({ err }, "statement export failed");
    body.destroy(err as Error);
  });
  return reply
    .type(XLSX_TYPE)
    .header("content-disposition", attachment(`${title}.xlsx`, `points-statement-${statement.month}.xlsx`))
    .header("cache-control", "no-store")
    .send(body);
}
