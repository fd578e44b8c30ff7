import { PassThrough } from "node:stream";
import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { ExportQuery, exportLocale, wantsXlsx } from "../../../platform/http/export.ts";
import { PageQuery } from "../../../platform/http/paging.ts";
import {
  type App,
  Enum,
  ErrorBody,
  IdParams,
  Nullable,
  responses,
  Uuid,
} from "../../../platform/http/types.ts";
import { WORDS } from "../../../platform/i18n/words.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { attachment, chinaDay, writeXlsx, XLSX_TYPE } from "../../../platform/xlsx/index.ts";
import { RECORD_KINDS } from "../tables.ts";
import { cardContent, GRADES, listCards, saveCard, sendCard } from "./feedback.ts";
import { CARD_TITLE, cardPdf, cardXlsx } from "./feedback-card.ts";
import { ledgerUnits, unitLedger } from "./ledger.ts";
import { ledgerColumns } from "./record-sheets.ts";

const tags = ["engagement"];
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const QuarterNo = Type.Integer({ minimum: 1, maximum: 4 });
const Binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: Type.String({ format: "binary" }) } },
});
const Card = Type.Object({
  id: Uuid,
  memberId: Uuid,
  memberName: Type.String(),
  unitId: Uuid,
  year: Type.Integer(),
  quarter: Type.Integer(),
  grade: Enum(GRADES),
  comment: Type.String(),
  sentAt: Nullable(Type.String()),
});
const Ledger = Type.Object({
  unit: Type.Object({ id: Uuid, name: Type.String() }),
  year: Type.Integer(),
  quarter: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  items: Type.Array(
    Type.Object({
      memberId: Uuid,
      memberName: Type.String(),
      services: Type.Integer(),
      byKind: Type.Record(Enum(RECORD_KINDS), Type.Integer()),
      hours: Type.Number(),
      sixOnesDone: Type.Integer(),
      card: Nullable(
        Type.Object({
          id: Uuid,
          grade: Enum(GRADES),
          comment: Type.String(),
          sentAt: Nullable(Type.String()),
        }),
      ),
    }),
  ),
  /** The unit's members on the ledger (items: the page asked for, 200 by default: a unit's whole list). */
  total: Type.Integer(),
});
const staffOnly = { access: "authenticated" as const };

/** 两台账 and 反馈卡: a unit's quarterly ledger, and the community's cards to the unit. */
export function feedbackRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/engagement/ledger/units",
    {
      config: staffOnly,
      schema: {
        tags,
        summary: "The units whose ledger the caller keeps: paired with his communities, or his own unit",
        response: responses({
          200: Type.Object({ items: Type.Array(Type.Object({ id: Uuid, name: Type.String() })) }),
        }),
      },
    },
    async (req) => ({ items: await ledgerUnits(db, principalOf(req)) }),
  );

  app.get(
    "/engagement/ledger",
    {
      config: staffOnly,
      schema: {
        tags,
        summary:
          "A unit's service ledger for a quarter: per member, approved services by kind, hours, 六个一 done, his card; format=xlsx downloads it",
        querystring: Type.Object(
          {
            unitId: Type.Optional(Uuid),
            year: Type.Optional(Year),
            quarter: Type.Optional(QuarterNo),
            page: PageQuery.page,
            pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 200 })),
            ...ExportQuery,
          },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: "The ledger as JSON; with format=xlsx, as a spreadsheet",
            content: {
              "application/json": { schema: Ledger },
              [XLSX_TYPE]: { schema: Type.String({ format: "binary" }) },
            },
          },
          "4xx": ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const ledger = await unitLedger(db, principalOf(req), req.query);
      if (!wantsXlsx(req)) {
        const size = req.query.pageSize ?? 200;
        const start = ((req.query.page ?? 1) - 1) * size;
        return { ...ledger, items: ledger.items.slice(start, start + size), total: ledger.items.length };
      }
      const w = WORDS[exportLocale(req)];
      const body = new PassThrough();
      const rows = (async function* () {
        yield* ledger.items;
      })();
      writeXlsx(body, { name: w.export.files.unitLedger, columns: ledgerColumns(w) }, rows).catch((err) => {
        req.log.error({ err }, "ledger export failed");
        body.destroy(err as Error);
      });
      const name = `${ledger.unit.name}-${ledger.year}Q${ledger.quarter}`;
      return (
        reply
          .type(XLSX_TYPE)
          .header(
            "content-disposition",
            attachment(`${w.export.files.unitLedger}-${name}.xlsx`, `ledger-${chinaDay()}.xlsx`),
          )
          .header("cache-control", "no-store")
          // A stream; the schema's binary string only documents it.
          .send(body as unknown as string)
      );
    },
  );

  app.put(
    "/engagement/feedback-cards",
    {
      config: { access: { permission: "engagement.manage" } },
      schema: {
        tags,
        summary:
          "The community writes a member's card for a quarter (again, until it is sent: then 409 FEEDBACK_CARD_SENT)",
        body: Type.Object(
          {
            memberId: Uuid,
            year: Year,
            quarter: QuarterNo,
            grade: Enum(GRADES),
            comment: Type.String({ minLength: 1, maxLength: 1000, pattern: "\\S" }),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ id: Uuid, sentAt: Nullable(Type.String()) }) }),
      },
    },
    (req) => saveCard(db, principalOf(req), req.actor, req.body),
  );

  app.post(
    "/engagement/feedback-cards/:id/send",
    {
      config: { access: { permission: "engagement.manage" } },
      schema: {
        tags,
        summary: "Send the card to the member's unit: its staff are told in-app; it cannot be changed after",
        params: IdParams,
        response: responses({ 200: Type.Object({ id: Uuid, sentAt: Nullable(Type.String()) }) }),
      },
    },
    (req) => sendCard(db, principalOf(req), req.actor, req.params.id),
  );

  app.get(
    "/engagement/feedback-cards",
    {
      config: staffOnly,
      schema: {
        tags,
        summary:
          "The cards of a quarter in the caller's area (community) or of his unit's members (unit staff)",
        querystring: Type.Object(
          { unitId: Type.Optional(Uuid), year: Year, quarter: QuarterNo },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ items: Type.Array(Card), total: Type.Integer() }) }),
      },
    },
    (req) => listCards(db, principalOf(req), req.query),
  );

  for (const format of ["pdf", "xlsx"] as const)
    app.get(
      `/engagement/feedback-cards/:id.${format}`,
      {
        config: staffOnly,
        schema: {
          tags,
          summary: `The card as ${format === "pdf" ? "a printable A4 PDF" : "a spreadsheet"}: for the community, the member's unit and the member`,
          params: IdParams,
          response: {
            200: Binary(format === "pdf" ? "application/pdf" : XLSX_TYPE, "the card"),
            "4xx": ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const card = await cardContent(db, principalOf(req), req.params.id);
        const bytes = format === "pdf" ? await cardPdf(card) : await cardXlsx(card);
        const name = `${CARD_TITLE}-${card.memberName}-${card.year}Q${card.quarter}.${format}`;
        return (
          reply
            .type(format === "pdf" ? "application/pdf" : XLSX_TYPE)
            .header(
              "content-disposition",
              attachment(name, `feedback-card-${card.year}Q${card.quarter}.${format}`),
            )
            .header("cache-control", "no-store")
            // Bytes; the schema's binary string only documents them.
            .send(bytes as unknown as string)
        );
      },
    );
}
