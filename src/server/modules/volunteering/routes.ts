import { Type } from "@sinclair/typebox";
import { principalOf } from "../../platform/auth/index.ts";
import { exportable, listOrExport } from "../../platform/http/export.ts";
import { Paged, PageQuery } from "../../platform/http/paging.ts";
import { type App, Enum, IdParams, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import {
  MyVolunteering,
  SkillCode,
  SkillItem,
  Skills,
  Stats,
  TeamDetail,
  TeamItem,
  VolunteerItem,
  VolunteerProfile,
} from "./schemas.ts";
import { teamSheet, volunteerSheet } from "./sheets.ts";
import { listSkills } from "./skills.ts";
import { volunteeringStats } from "./stats.ts";
import { addMember, createTeam, getTeam, joinOrLeave, listTeams, removeMember } from "./teams.ts";
import {
  getVolunteer,
  listVolunteers,
  myVolunteering,
  registerVolunteer,
  updateMySkills,
} from "./volunteers.ts";

const tags = ["volunteering"];
const signedIn = { access: "authenticated" as const };
const manage = { access: { permission: "volunteering.manage" as const } };
const join = { access: { permission: "volunteering.join" as const } };
const Q = Type.String({ minLength: 1, maxLength: 50 });
const Day = Type.String({ format: "date-time", maxLength: 40 });
const Done = Type.Object({ teamId: Uuid, volunteerId: Uuid });
const SkillsBody = Type.Object({ skills: Skills }, { additionalProperties: false });

/** Volunteers (志愿者), teams (服务队) and the figures; activities are in activity-routes.ts. */
export function volunteeringRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/volunteering/skills",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "The skills a volunteer can offer",
        response: responses({ 200: Type.Array(SkillItem) }),
      },
    },
    () => listSkills(),
  );

  app.get(
    "/volunteering/me",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "My volunteer profile: teams, total hours and every activity with attendance (null until registered)",
        response: responses({ 200: MyVolunteering }),
      },
    },
    (req) => myVolunteering(db, principalOf(req)),
  );

  app.post(
    "/volunteering/me",
    {
      config: join,
      schema: {
        tags,
        summary:
          "Register as a volunteer (name from the account, node from the party member or resident role)",
        body: SkillsBody,
        response: responses({ 201: Type.Object({ id: Uuid }) }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await registerVolunteer(db, principalOf(req), req.actor, req.body.skills)),
  );

  app.patch(
    "/volunteering/me",
    {
      config: join,
      schema: {
        tags,
        summary: "Change the skills I offer",
        body: SkillsBody,
        response: responses({ 200: Type.Object({ id: Uuid }) }),
      },
    },
    (req) => updateMySkills(db, req.actor, principalOf(req).userId, req.body.skills),
  );

  app.get(
    "/volunteering/volunteers",
    {
      config: manage,
      schema: exportable({
        tags,
        summary: "Volunteers in scope with hours and teams, most hours first; phones masked",
        querystring: Type.Object(
          {
            skill: Type.Optional(SkillCode),
            teamId: Type.Optional(Uuid),
            underId: Type.Optional(Uuid),
            q: Type.Optional(Q),
            sort: Type.Optional(Enum(["-hours", "-createdAt"] as const)),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(VolunteerItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, volunteerSheet, (paging) =>
        listVolunteers(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/volunteering/volunteers/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "A volunteer's profile and service record",
        params: IdParams,
        response: responses({ 200: VolunteerProfile }),
      },
    },
    (req) => getVolunteer(db, principalOf(req), req.params.id),
  );

  app.get(
    "/volunteering/teams",
    {
      config: signedIn,
      schema: exportable({
        tags,
        summary: "Teams (服务队): staff see those they manage, volunteers those of their area",
        querystring: Type.Object(
          {
            speciality: Type.Optional(SkillCode),
            underId: Type.Optional(Uuid),
            q: Type.Optional(Q),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(TeamItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, teamSheet, (paging) =>
        listTeams(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.post(
    "/volunteering/teams",
    {
      config: manage,
      schema: {
        tags,
        summary: "Form a team by speciality on a node in scope",
        body: Type.Object(
          {
            name: Type.String({ minLength: 2, maxLength: 40 }),
            speciality: SkillCode,
            description: Type.Optional(Type.String({ maxLength: 500 })),
            nodeId: Uuid,
            leaderVolunteerId: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Object({ id: Uuid }) }),
      },
    },
    async (req, reply) => reply.status(201).send(await createTeam(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/volunteering/teams/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "A team with its members and their hours",
        params: IdParams,
        response: responses({ 200: TeamDetail }),
      },
    },
    (req) => getTeam(db, principalOf(req), req.params.id),
  );

  app.post(
    "/volunteering/teams/:id/members",
    {
      config: manage,
      schema: {
        tags,
        summary: "Add a volunteer in scope to a team",
        params: IdParams,
        body: Type.Object({ volunteerId: Uuid }, { additionalProperties: false }),
        response: responses({ 201: Done }),
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await addMember(db, principalOf(req), req.actor, req.params.id, req.body.volunteerId)),
  );

  app.delete(
    "/volunteering/teams/:id/members/:volunteerId",
    {
      config: manage,
      schema: {
        tags,
        summary: "Take a volunteer off a team",
        params: Type.Object({ id: Uuid, volunteerId: Uuid }, { additionalProperties: false }),
        response: responses({ 200: Done }),
      },
    },
    (req) => removeMember(db, principalOf(req), req.actor, req.params.id, req.params.volunteerId),
  );

  for (const step of ["join", "leave"] as const)
    app.post(
      `/volunteering/teams/:id/${step}`,
      {
        config: join,
        schema: {
          tags,
          summary: step === "join" ? "Join a team of my area" : "Leave a team",
          params: IdParams,
          response: responses({ 200: Type.Object({ teamId: Uuid, joined: Type.Boolean() }) }),
        },
      },
      (req) => joinOrLeave(db, principalOf(req), req.actor, req.params.id, step === "join"),
    );

  app.get(
    "/volunteering/stats",
    {
      config: manage,
      schema: {
        tags,
        summary: "Hours, people and activities per team or per community, in scope",
        querystring: Type.Object(
          { by: Enum(["team", "community"] as const), from: Type.Optional(Day), to: Type.Optional(Day) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Stats }),
      },
    },
    (req) => volunteeringStats(db, principalOf(req), req.query),
  );
}
