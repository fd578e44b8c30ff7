import { Type } from "@sinclair/typebox";
import { principalOf } from "../../platform/auth/index.ts";
import { PhotoIds } from "../../platform/files/index.ts";
import { exportable, listOrExport } from "../../platform/http/export.ts";
import { Paged, PageQuery } from "../../platform/http/paging.ts";
import { type App, Enum, IdParams, Nullable, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { listCategories, listDepartments } from "./catalog.ts";
import { CASE_ACTIONS, CASE_STATUSES } from "./flow.ts";
import { intakeFromForm } from "./intake/channels.ts";
import { submitCase } from "./intake/service.ts";
import { CaseDetail, CaseItem, Category, Department, Submitted, WhistleItem } from "./schemas.ts";
import { getCase, listCases, myCases, revealReporter } from "./service.ts";
import { caseSheet, whistleSheet } from "./sheets.ts";
import { CHANNELS, REQUEST_TYPES, URGENCIES, WHISTLE_STATUSES } from "./tables.ts";
import { transition } from "./transitions.ts";
import { listWhistles, whistleFigures, whistleStep, withdrawWhistle } from "./whistles.ts";

const tags = ["cases"];
const signedIn = { access: "authenticated" as const };
const Note = Type.String({ minLength: 1, maxLength: 2000 });
export const Location = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);
const IdOrCode = Type.Object(
  { idOrCode: Type.String({ minLength: 1, maxLength: 40, pattern: "^[A-Za-z0-9-]+$" }) },
  { additionalProperties: false },
);

export function casesRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/cases/categories",
    {
      // Public: the poster's QR code opens the request form before the resident signs in.
      config: { access: "public" },
      schema: {
        tags,
        summary: "Case categories with SLA and questions",
        response: responses({ 200: Type.Array(Category) }),
      },
    },
    () => listCategories(db),
  );

  app.get(
    "/cases/departments",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Departments a case can be whistled or assigned to",
        response: responses({ 200: Type.Array(Department) }),
      },
    },
    () => listDepartments(db),
  );

  app.post(
    "/cases",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "Submit a case: a resident for himself, a grid worker's patrol or courier report, or a walk-in entered by staff",
        body: Type.Object(
          {
            channel: Type.Optional(Enum(["selfService", "patrol", "courier", "walkIn"] as const)),
            categoryCode: Type.String({ minLength: 1, maxLength: 40 }),
            description: Type.String({ minLength: 2, maxLength: 2000 }),
            photos: Type.Optional(PhotoIds),
            location: Type.Optional(Location),
            householdId: Type.Optional(Uuid),
            address: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            requestType: Type.Optional(Enum(REQUEST_TYPES)),
            urgency: Type.Optional(Enum(URGENCIES)),
            reporterName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            reporterPhone: Type.Optional(Type.String({ minLength: 11, maxLength: 20 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Submitted }),
      },
    },
    async (req, reply) => {
      const intake = await intakeFromForm(db, principalOf(req), req.body);
      return reply.status(201).send(await submitCase(db, req.actor, intake));
    },
  );

  app.get(
    "/cases",
    {
      config: signedIn,
      schema: exportable({
        tags,
        summary: "Cases in scope (department staff: their department's), filtered; overdue ones flagged",
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Array(Enum(CASE_STATUSES), { maxItems: 11 })),
            open: Type.Optional(Type.Boolean()),
            categoryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            channel: Type.Optional(Enum(CHANNELS)),
            overdue: Type.Optional(Type.Boolean()),
            supervised: Type.Optional(Type.Boolean({ description: "督办: open cases past a deadline" })),
            needsReview: Type.Optional(Type.Boolean()),
            dueSoon: Type.Optional(
              Type.Boolean({ description: "即将超时: open, not late, a deadline within its reminder time" }),
            ),
            underId: Type.Optional(Uuid),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            from: Type.Optional(Type.String({ format: "date-time", maxLength: 40 })),
            to: Type.Optional(Type.String({ format: "date-time", maxLength: 40 })),
            // me: open cases the caller holds now (待我办理); others: his area's, held by others (跟踪中).
            holder: Type.Optional(Enum(["me", "others"] as const)),
            // lateness: the longest overdue first (the default with overdue=true).
            sort: Type.Optional(Enum(["createdAt", "-createdAt", "resolveDueAt", "lateness"] as const)),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(CaseItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, caseSheet, (paging) =>
        listCases(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/cases/mine",
    {
      config: signedIn,
      schema: exportable({
        tags,
        summary: "My requests (what I reported), newest first; status=resolved: those waiting for my rating",
        querystring: Type.Object(
          { status: Type.Optional(Type.Array(Enum(CASE_STATUSES), { maxItems: 11 })), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(CaseItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, caseSheet, (paging) =>
        myCases(db, principal, { ...paging, status: req.query.status }),
      );
    },
  );

  app.get(
    "/cases/:idOrCode",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "A case by id or code, with its timeline and the caller's allowed actions",
        params: IdOrCode,
        response: responses({ 200: CaseDetail }),
      },
    },
    (req) => getCase(db, principalOf(req), req.params.idOrCode),
  );

  app.post(
    "/cases/:idOrCode/transitions",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Move a case along the flow; an action not allowed now is 409 with the current status",
        params: IdOrCode,
        body: Type.Object(
          {
            action: Enum(CASE_ACTIONS),
            note: Type.Optional(Note),
            photos: Type.Optional(PhotoIds),
            departmentId: Type.Optional(Uuid),
            departmentIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 20 })),
            deadline: Type.Optional(Type.String({ format: "date-time", maxLength: 40 })),
            score: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
            comment: Type.Optional(Type.String({ maxLength: 500 })),
            masterId: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ id: Uuid, status: Enum(CASE_STATUSES) }) }),
      },
    },
    (req) => transition(db, principalOf(req), req.actor, req.params.idOrCode, req.body),
  );

  app.post(
    "/cases/:idOrCode/reveal-reporter",
    {
      config: { ...signedIn, scope: "reveal" },
      schema: {
        tags,
        summary:
          "The reporter's name and phone for the one who holds the case now, to call him (logged with its purpose, 办理联系 by default)",
        params: IdOrCode,
        body: Type.Object(
          { purpose: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) }),
        }),
      },
    },
    (req) => revealReporter(db, principalOf(req), req.actor, req.params.idOrCode, req.body.purpose),
  );

  app.get(
    "/whistles",
    {
      config: signedIn,
      schema: exportable({
        tags,
        summary: "Whistles (吹哨): a department's inbox, or those of cases in scope",
        querystring: Type.Object(
          { status: Type.Optional(Enum(WHISTLE_STATUSES)), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(WhistleItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, whistleSheet, (paging) =>
        listWhistles(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/whistles/figures",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Per department: whistles, reported, on time, hours to report, mean rating",
        response: responses({
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                departmentId: Uuid,
                code: Type.String(),
                name: Type.String(),
                nameEn: Type.String(),
                total: Type.Integer(),
                reported: Type.Integer(),
                onTime: Type.Integer(),
                overdue: Type.Integer(),
                hoursToReport: Nullable(Type.Number()),
                meanScore: Nullable(Type.Number()),
              }),
            ),
          }),
        }),
      },
    },
    (req) => whistleFigures(db, principalOf(req)),
  );

  app.post(
    "/whistles/:id/withdraw",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "Withdraw a whistle not yet reported on (撤回吹哨): its caller, or the community or street in scope",
        params: IdParams,
        body: Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ id: Uuid, status: Enum(WHISTLE_STATUSES) }) }),
      },
    },
    (req) => withdrawWhistle(db, principalOf(req), req.actor, req.params.id, req.body),
  );

  for (const step of ["accept", "report", "rate"] as const) {
    app.post(
      `/whistles/:id/${step}`,
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            step === "accept"
              ? "A department accepts a whistle (报到)"
              : step === "report"
                ? "A department reports back what it did"
                : "The community rates a department's response",
          params: IdParams,
          body: Type.Object(
            {
              note: step === "report" ? Note : Type.Optional(Note),
              photos: Type.Optional(PhotoIds),
              ...(step === "rate" ? { score: Type.Integer({ minimum: 1, maximum: 5 }) } : {}),
            },
            { additionalProperties: false },
          ),
          response: responses({ 200: Type.Object({ id: Uuid, status: Enum(WHISTLE_STATUSES) }) }),
        },
      },
      (req) => whistleStep(db, principalOf(req), req.actor, req.params.id, step, req.body),
    );
  }
}
