import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import { can, principalOf } from "../../../platform/auth/index.ts";
import { forbidden } from "../../../platform/errors.ts";
import { exportable, listOrExport } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, ErrorBody, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { XLSX_TYPE } from "../../../platform/xlsx/index.ts";
import { AUDIENCES } from "../rules/tables.ts";
import { accountStatement, listAccounts } from "./accounts-list.ts";
import { ledgerCheck } from "./check.ts";
import { accountSheet, postingSheet, sendStatementXlsx } from "./ledger-sheets.ts";
import { myPoints, myStatement } from "./my-points.ts";
import { listPostings } from "./postings-list.ts";
import { POSTING_KINDS } from "./tables.ts";
import {
  AccountItem,
  LedgerCheck,
  Month,
  MyPoints,
  PostingItem,
  Statement,
  StatementQuery,
} from "./view-schemas.ts";

const tags = ["points"];
const manage = { access: { permission: "points.manage" as const } };
/** One's own points: a resident's or member's (points.earn), a shop's (points.merchant). */
const own = { access: "authenticated" as const };
const AccountParams = Type.Object({ accountId: Uuid }, { additionalProperties: false });
const MyStatementQuery = Type.Object(
  { audience: Type.Optional(Enum(AUDIENCES)), ...StatementQuery },
  { additionalProperties: false },
);
const XLSX = {
  200: {
    description: "月度积分对账单 (.xlsx)",
    content: { [XLSX_TYPE]: { schema: Type.String({ format: "binary" }) } },
  },
  "4xx": ErrorBody,
};

function ownPrincipal(req: FastifyRequest) {
  const principal = principalOf(req);
  if (!can(principal, "points.earn") && !can(principal, "points.merchant")) throw forbidden();
  return principal;
}

/** My points, statements, the staff's accounts and postings lists, the ledger's check (S2). */
export function ledgerRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/points/me",
    {
      config: own,
      schema: {
        tags,
        summary:
          "The caller's points (睦邻 / 先锋 / 商铺): balance, this month's +/−, the half-year's score, rank",
        response: responses({ 200: MyPoints }),
      },
    },
    (req) => myPoints(db, ownPrincipal(req)),
  );

  app.get(
    "/points/me/statement",
    {
      config: own,
      schema: {
        tags,
        summary:
          "The caller's month: opening balance, each posting with the balance after it, closing balance",
        querystring: MyStatementQuery,
        response: responses({ 200: Statement }),
      },
    },
    (req) => myStatement(db, ownPrincipal(req), req.query),
  );

  app.get(
    "/points/me/statement.xlsx",
    {
      config: own,
      schema: {
        tags,
        summary: "The caller's 月度积分对账单 as a spreadsheet",
        querystring: Type.Object(
          { ...MyStatementQuery.properties, lang: Type.Optional(Enum(["zh-CN", "en"] as const)) },
          { additionalProperties: false },
        ),
        response: XLSX,
      },
    },
    async (req, reply) => sendStatementXlsx(req, reply, await myStatement(db, ownPrincipal(req), req.query)),
  );

  app.get(
    "/points/accounts",
    {
      config: manage,
      schema: exportable({
        tags,
        summary: "Holders' accounts in the caller's scope, by balance; q finds a name",
        querystring: Type.Object(
          {
            audience: Type.Optional(Enum(AUDIENCES)),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
            underId: Type.Optional(Uuid),
            sort: Type.Optional(Enum(["balance", "-balance"] as const)),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(AccountItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, accountSheet, (paging) =>
        listAccounts(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/points/accounts/:accountId/statement",
    {
      config: manage,
      schema: {
        tags,
        summary: "A holder's month as he sees it (staff view)",
        params: AccountParams,
        querystring: Type.Object(StatementQuery, { additionalProperties: false }),
        response: responses({ 200: Statement }),
      },
    },
    (req) => accountStatement(db, principalOf(req), req.params.accountId, req.query.month),
  );

  app.get(
    "/points/accounts/:accountId/statement.xlsx",
    {
      config: manage,
      schema: {
        tags,
        summary: "A holder's 月度积分对账单 as a spreadsheet (staff view)",
        params: AccountParams,
        querystring: Type.Object(
          { ...StatementQuery, lang: Type.Optional(Enum(["zh-CN", "en"] as const)) },
          { additionalProperties: false },
        ),
        response: XLSX,
      },
    },
    async (req, reply) =>
      sendStatementXlsx(
        req,
        reply,
        await accountStatement(db, principalOf(req), req.params.accountId, req.query.month),
      ),
  );

  app.get(
    "/points/postings",
    {
      config: manage,
      schema: exportable({
        tags,
        summary: "The ledger's postings made in the caller's scope, newest first",
        querystring: Type.Object(
          {
            audience: Type.Optional(Enum(AUDIENCES)),
            kind: Type.Optional(Enum(POSTING_KINDS)),
            month: Type.Optional(Month),
            ruleCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
            accountId: Type.Optional(Uuid),
            underId: Type.Optional(Uuid),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(PostingItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, postingSheet, (paging) =>
        listPostings(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/points/ledger/check",
    {
      config: manage,
      schema: {
        tags,
        summary:
          "The ledger checks itself over the caller's district: balances sum to 0 and each equals its postings",
        response: responses({ 200: LedgerCheck }),
      },
    },
    (req) => ledgerCheck(db, principalOf(req)),
  );
}
