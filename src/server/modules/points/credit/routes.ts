import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { FileId } from "../../../platform/files/index.ts";
import { exportable, listOrExport, wantsXlsx } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, IdParams, responses, Time, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { consentMine, listConsents, myConsents, recordConsent, withdrawConsent } from "./consents.ts";
import { auditExport, exportSize, listCreditExport } from "./export.ts";
import { Audience, Bank, ConsentItem, ExportRow, MyConsents, Recorded } from "./schemas.ts";
import { consentSheet, creditMerchantSheet, creditResidentSheet } from "./sheets.ts";

const tags = ["points"];
const manage = { access: { permission: "points.manage" as const } };
const signedIn = { access: "authenticated" as const };
const Body = <P extends Parameters<typeof Type.Object>[0]>(props: P) =>
  Type.Object(props, { additionalProperties: false });

/** Credit consents and the partner bank's export (S2, S5): only holders who consented are shared. */
export function creditRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/points/credit/consents",
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Staff record a resident's or shop's signed paper consent (with the scanned form) for their scope; 409 CONSENT_EXISTS when one to the bank is in force",
        body: Body({ audience: Audience, holderId: Uuid, bank: Bank, formFileId: Type.Optional(FileId) }),
        response: responses({ 201: Recorded }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordConsent(db, principalOf(req), req.actor, req.body)),
  );

  app.post(
    "/points/credit/consents/mine",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "The holder himself consents on the phone (a resident with points.earn, a shop owner with points.merchant)",
        body: Body({ audience: Audience, bank: Bank }),
        response: responses({ 201: Recorded }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await consentMine(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/points/credit/consents/mine",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "What the caller may consent as (resident, shop) and his consents in force",
        response: responses({ 200: MyConsents }),
      },
    },
    (req) => myConsents(db, principalOf(req)),
  );

  app.post(
    "/points/credit/consents/:id/withdraw",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Withdraw a consent: the holder himself, or staff over his place (409 CONSENT_WITHDRAWN)",
        params: IdParams,
        response: responses({ 200: Type.Object({ id: Uuid, withdrawnAt: Time }) }),
      },
    },
    (req) => withdrawConsent(db, principalOf(req), req.actor, req.params.id),
  );

  app.get(
    "/points/credit/consents",
    {
      config: manage,
      schema: exportable({
        tags,
        summary: "Consents recorded in the caller's scope, newest first",
        querystring: Type.Object(
          {
            audience: Type.Optional(Audience),
            live: Type.Optional(Type.Boolean({ description: "true: in force; false: withdrawn" })),
            underId: Type.Optional(Uuid),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(ConsentItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, consentSheet, (paging) =>
        listConsents(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/points/credit/export",
    {
      // The bank's token is made with the credit scope alone: it reads this and nothing else.
      config: { access: { permission: "points.credit" as const }, scope: "credit" as const },
      schema: exportable({
        tags,
        summary:
          "The partner bank's export: holders with a live consent and their points (residents: masked 身份证, balance, year's score, titles; shops: 统一社会信用代码, score, rating, titles). Token scope credit",
        querystring: Type.Object(
          { audience: Type.Optional(Audience), bank: Type.Optional(Bank), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(ExportRow) }),
      }),
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const f = { audience: req.query.audience ?? ("resident" as const), bank: req.query.bank };
      const sheet = f.audience === "resident" ? creditResidentSheet : creditMerchantSheet;
      // Every read of the bank's export is on record, with how many holders it carried.
      if (wantsXlsx(req)) {
        await auditExport(db, req.actor, f, await exportSize(db, principal, f), "xlsx");
        return listOrExport(req, reply, sheet, (paging) =>
          listCreditExport(db, principal, { ...f, ...paging }),
        );
      }
      const page = await listCreditExport(db, principal, {
        ...f,
        page: req.query.page,
        pageSize: req.query.pageSize,
      });
      await auditExport(db, req.actor, f, page.items.length, "json");
      return page;
    },
  );
}
