import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { PhotoIds } from "../../../platform/files/index.ts";
import { exportable, listOrExport } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, IdParams, Nullable, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { RECORD_KINDS, RECORD_STATUSES, SIX_ONES } from "../tables.ts";
import { addEntry, decideEntry, listRecords, MANUAL_KINDS, myRecords } from "./record-service.ts";
import { recordSheet } from "./record-sheets.ts";
import { sixOnesView, tickByHand } from "./six-ones.ts";

const tags = ["engagement"];
const Body = <P extends Parameters<typeof Type.Object>[0]>(props: P) =>
  Type.Object(props, { additionalProperties: false });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });
export const Day = Type.String({ format: "date", description: "a China calendar day, YYYY-MM-DD" });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

const RecordItem = Type.Object({
  id: Uuid,
  memberId: Uuid,
  memberName: Type.String(),
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  kind: Enum(RECORD_KINDS),
  title: Type.String(),
  hours: Nullable(Type.Number()),
  servedOn: Type.String(),
  photos: Type.Array(Type.Object({ id: Type.String(), url: Type.String() })),
  status: Enum(RECORD_STATUSES),
  rejectReason: Nullable(Type.String()),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
});
const Decided = Type.Object({ id: Uuid, status: Enum(RECORD_STATUSES) });
const RecordQuery = {
  status: Type.Optional(Enum(RECORD_STATUSES)),
  kind: Type.Optional(Enum(RECORD_KINDS)),
  memberId: Type.Optional(Uuid),
  unitId: Type.Optional(Uuid),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  ...PageQuery,
};
/** One's own records: no member or unit to name. */
const { memberId: _m, unitId: _u, ...MyRecordQuery } = RecordQuery;
const SixOnes = Type.Object({
  memberId: Uuid,
  memberName: Type.String(),
  year: Type.Integer(),
  done: Type.Integer(),
  items: Type.Array(
    Type.Object({
      item: Enum(SIX_ONES),
      done: Type.Boolean(),
      doneOn: Nullable(Type.String()),
      byRecord: Type.Boolean(),
    }),
  ),
});

/** 纪实手册: members' entries, the community's review, the lists, and the year's 六个一. */
export function recordRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/engagement/records",
    {
      config: { access: { permission: "engagement.serve" } },
      schema: {
        tags,
        summary:
          "A member enters a service of this quarter (补录); it waits for the community's approval. Outside the quarter or in the future: 422 RECORD_OUTSIDE_PERIOD",
        body: Body({
          kind: Enum(MANUAL_KINDS),
          title: Text(100),
          servedOn: Day,
          hours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 24 })),
          photos: Type.Optional(PhotoIds),
        }),
        response: responses({ 201: Decided }),
      },
    },
    async (req, reply) => reply.status(201).send(await addEntry(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/engagement/records",
    {
      config: { access: "authenticated" },
      schema: exportable({
        tags,
        summary:
          "Service records, newest service first: mine=1 the caller's own (a member); else the community's scope, or a unit's members for its staff",
        querystring: Type.Object(
          { mine: Type.Optional(Enum(["1", "true"] as const)), ...RecordQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(RecordItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      const { mine, ...filter } = req.query;
      return listOrExport(req, reply, recordSheet, (paging) =>
        (mine ? myRecords : listRecords)(db, principal, { ...filter, ...paging }),
      );
    },
  );

  app.get(
    "/engagement/me/records",
    {
      config: { access: { permission: "engagement.serve" } },
      schema: {
        tags,
        summary: "我的纪实: the caller's own records, every status",
        querystring: Type.Object(MyRecordQuery, { additionalProperties: false }),
        response: responses({ 200: Paged(RecordItem) }),
      },
    },
    (req) => myRecords(db, principalOf(req), req.query),
  );

  app.post(
    "/engagement/records/:id/approve",
    {
      config: { access: { permission: "engagement.manage" } },
      schema: {
        tags,
        summary: "Approve a pending entry: it counts and ticks its 六个一 item; the member is told",
        params: IdParams,
        response: responses({ 200: Decided }),
      },
    },
    (req) => decideEntry(db, principalOf(req), req.actor, req.params.id, { approve: true }),
  );

  app.post(
    "/engagement/records/:id/reject",
    {
      config: { access: { permission: "engagement.manage" } },
      schema: {
        tags,
        summary: "Reject a pending entry with a reason; the member is told",
        params: IdParams,
        body: Body({ reason: Text(500) }),
        response: responses({ 200: Decided }),
      },
    },
    (req) =>
      decideEntry(db, principalOf(req), req.actor, req.params.id, {
        approve: false,
        reason: req.body.reason,
      }),
  );

  app.get(
    "/engagement/six-ones",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary:
          "A member's 六个一 for a year (this year by default): staff name the member, a member sees his own",
        querystring: Type.Object(
          { memberId: Type.Optional(Uuid), year: Type.Optional(Year) },
          { additionalProperties: false },
        ),
        response: responses({ 200: SixOnes }),
      },
    },
    (req) => sixOnesView(db, principalOf(req), req.query),
  );

  app.post(
    "/engagement/six-ones",
    {
      config: { access: { permission: "engagement.manage" } },
      schema: {
        tags,
        summary:
          "The community ticks a talk or a survey of one of its members (the other items come from records)",
        body: Body({ memberId: Uuid, year: Year, item: Enum(SIX_ONES), doneOn: Day }),
        response: responses({ 200: SixOnes }),
      },
    },
    (req) => tickByHand(db, principalOf(req), req.actor, req.body),
  );
}
