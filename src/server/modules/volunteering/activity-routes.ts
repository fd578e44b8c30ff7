import { Type } from "@sinclair/typebox";
import { principalOf } from "../../platform/auth/index.ts";
import { exportable, listOrExport } from "../../platform/http/export.ts";
import { Paged, PageQuery } from "../../platform/http/paging.ts";
import { type App, Enum, IdParams, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { cancelActivity, createActivity } from "./activities.ts";
import { getActivity, listActivities } from "./activity-views.ts";
import { ATTENDANCE_ACTIONS, recordAttendance } from "./attendance.ts";
import { listSignups } from "./roster.ts";
import { ActivityDetail, ActivityItem, AttendanceResult, SignupItem, SignupResult } from "./schemas.ts";
import { activitySheet, signupSheet } from "./sheets.ts";
import { cancelMySignup, signUp } from "./signups.ts";
import { ACTIVITY_STATUSES, SCHEDULE_MODES, SIGNUP_STATUSES } from "./tables.ts";

const tags = ["volunteering"];
const signedIn = { access: "authenticated" as const };
const manage = { access: { permission: "volunteering.manage" as const } };
const join = { access: { permission: "volunteering.join" as const } };
const Moment = Type.String({ format: "date-time", maxLength: 40 });

/** Activities (志愿活动): publishing, the list, sign-up with waiting list, and QR attendance. */
export function activityRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/activities",
    {
      config: signedIn,
      schema: exportable({
        tags,
        summary: "Activities of my area (staff: and those they manage) with places left and my own sign-up",
        querystring: Type.Object(
          {
            when: Type.Optional(Enum(["upcoming", "past", "all"] as const)),
            mode: Type.Optional(Enum(SCHEDULE_MODES)),
            teamId: Type.Optional(Uuid),
            underId: Type.Optional(Uuid),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            managed: Type.Optional(Type.Boolean({ description: "only those I manage" })),
            from: Type.Optional(Moment),
            to: Type.Optional(Moment),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(ActivityItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, activitySheet, (paging) =>
        listActivities(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.post(
    "/activities",
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Publish an activity: fixedTime (定时), afterHours (错时: from 18:00 or at the weekend, China time) or byAppointment (预约: capacity per slot)",
        body: Type.Object(
          {
            title: Type.String({ minLength: 2, maxLength: 60 }),
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            teamId: Type.Optional(Uuid),
            mode: Enum(SCHEDULE_MODES),
            place: Type.String({ minLength: 2, maxLength: 100 }),
            lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
            lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
            startsAt: Moment,
            endsAt: Moment,
            capacity: Type.Integer({ minimum: 1, maximum: 1000 }),
            slotMinutes: Type.Optional(Type.Integer({ minimum: 10, maximum: 480 })),
            nodeId: Uuid,
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Object({ id: Uuid, status: Enum(ACTIVITY_STATUSES) }) }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createActivity(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/activities/:id",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "An activity with its slots, places left and my sign-up (with my check-in code once confirmed)",
        params: IdParams,
        response: responses({ 200: ActivityDetail }),
      },
    },
    (req) => getActivity(db, principalOf(req), req.params.id),
  );

  app.post(
    "/activities/:id/cancel",
    {
      config: manage,
      schema: {
        tags,
        summary: "Call an activity off; everyone signed up is notified",
        params: IdParams,
        body: Type.Object(
          { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ id: Uuid, status: Enum(ACTIVITY_STATUSES) }) }),
      },
    },
    (req) => cancelActivity(db, principalOf(req), req.actor, req.params.id, req.body.reason),
  );

  app.post(
    "/activities/:id/signups",
    {
      config: join,
      schema: {
        tags,
        summary: "Sign up: confirmed while places are left, else on the waiting list with its position",
        params: IdParams,
        body: Type.Object({ slotStartsAt: Type.Optional(Moment) }, { additionalProperties: false }),
        response: responses({ 201: SignupResult }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await signUp(db, principalOf(req), req.actor, req.params.id, req.body)),
  );

  app.delete(
    "/activities/:id/signups/mine",
    {
      config: join,
      schema: {
        tags,
        summary: "Withdraw my sign-up; the first on the waiting list of the same slot takes the place",
        params: IdParams,
        response: responses({
          200: Type.Object({
            id: Uuid,
            status: Enum(SIGNUP_STATUSES),
            promotedSignupId: Type.Union([Uuid, Type.Null()]),
          }),
        }),
      },
    },
    (req) => cancelMySignup(db, principalOf(req), req.actor, req.params.id),
  );

  app.get(
    "/activity-signups",
    {
      config: manage,
      schema: exportable({
        tags,
        summary:
          "Sign-ups with attendance of the activities I manage: one activity's list for its organiser, or an attendance sheet",
        querystring: Type.Object(
          { activityId: Type.Optional(Uuid), status: Type.Optional(Enum(SIGNUP_STATUSES)), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(SignupItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, signupSheet, (paging) =>
        listSignups(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.post(
    "/activities/:id/attendance",
    {
      config: manage,
      schema: {
        tags,
        summary: "Check a volunteer in or out by the code of his QR (scanned, or the 8 characters typed)",
        params: IdParams,
        body: Type.Object(
          {
            code: Type.String({ minLength: 4, maxLength: 80 }),
            action: Enum(ATTENDANCE_ACTIONS),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: AttendanceResult }),
      },
    },
    (req) => recordAttendance(db, principalOf(req), req.actor, req.params.id, req.body),
  );
}
