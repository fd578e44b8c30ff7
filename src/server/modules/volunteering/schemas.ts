import { Type } from "@sinclair/typebox";
import { Enum, Nullable, Uuid } from "../../platform/http/types.ts";
import { SIGNUP_STAGES } from "./flow.ts";
import { SKILL_CODES } from "./skills.ts";
import { ACTIVITY_STATUSES, SCHEDULE_MODES, SIGNUP_STATUSES } from "./tables.ts";

const Time = Type.String({ format: "date-time" });
const Hours = Nullable(Type.Number({ description: "service hours credited at check-out" }));
const Ref = Type.Object({ id: Uuid, name: Type.String() });
export const SkillCode = Enum(SKILL_CODES);
export const Skills = Type.Array(SkillCode, { maxItems: SKILL_CODES.length, uniqueItems: true });

export const SkillItem = Type.Object({ code: SkillCode, name: Type.String(), nameEn: Type.String() });

const Attendance = {
  status: Enum(SIGNUP_STATUSES),
  stage: Enum(SIGNUP_STAGES),
  position: Nullable(Type.Integer({ description: "place on the waiting list, 1 = next" })),
  slotStartsAt: Nullable(Time),
  checkedInAt: Nullable(Time),
  checkedOutAt: Nullable(Time),
  hours: Hours,
};

const RecordEntry = Type.Object({
  signupId: Uuid,
  activity: Type.Object({
    id: Uuid,
    title: Type.String(),
    mode: Enum(SCHEDULE_MODES),
    place: Type.String(),
    startsAt: Time,
    endsAt: Time,
    status: Enum(ACTIVITY_STATUSES),
    teamName: Nullable(Type.String()),
  }),
  ...Attendance,
});

const Whereabouts = Type.Object({
  id: Uuid,
  name: Type.String(),
  community: Nullable(Type.String()),
  grid: Nullable(Type.String()),
});

export const VolunteerProfile = Type.Object({
  id: Uuid,
  name: Type.String(),
  phone: Nullable(Type.String({ description: "masked" })),
  skills: Type.Array(Type.String()),
  node: Whereabouts,
  teams: Type.Array(Type.Object({ id: Uuid, name: Type.String(), speciality: Type.String() })),
  createdAt: Time,
  hours: Type.Number({ description: "total hours served" }),
  served: Type.Integer({ description: "activities checked out of" }),
  record: Type.Array(RecordEntry),
});

export const MyVolunteering = Type.Object({
  volunteer: Nullable(VolunteerProfile),
  canRegister: Type.Boolean({ description: "the caller is a party member or resident and may register" }),
});

export const VolunteerItem = Type.Object({
  id: Uuid,
  name: Type.String(),
  phone: Nullable(Type.String({ description: "masked" })),
  skills: Type.Array(Type.String()),
  node: Whereabouts,
  teams: Type.Array(Ref),
  hours: Type.Number(),
  served: Type.Integer(),
  createdAt: Time,
});

export const TeamItem = Type.Object({
  id: Uuid,
  name: Type.String(),
  speciality: Type.String(),
  description: Type.String(),
  node: Ref,
  members: Type.Integer(),
  hours: Type.Number({ description: "hours served in the team's activities" }),
  people: Type.Integer({ description: "volunteers who served in them" }),
  joined: Type.Boolean({ description: "the caller is a member" }),
  createdAt: Time,
});

export const TeamDetail = Type.Object({
  id: Uuid,
  name: Type.String(),
  speciality: Type.String(),
  description: Type.String(),
  node: Ref,
  leaderUserId: Nullable(Uuid),
  members: Type.Array(
    Type.Object({
      volunteerId: Uuid,
      name: Type.String(),
      phone: Nullable(Type.String({ description: "masked" })),
      skills: Type.Array(Type.String()),
      leader: Type.Boolean(),
      joinedAt: Time,
      hours: Type.Number({ description: "all his hours" }),
    }),
  ),
});

const MySignup = Nullable(
  Type.Object({
    id: Uuid,
    ...Attendance,
    signedUpAt: Time,
    checkinCode: Nullable(Type.String({ description: "what the QR code encodes: {signupId}.{token}" })),
    checkinToken: Nullable(Type.String({ description: "the 8-character code to type when scanning fails" })),
  }),
);

const activityFields = {
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  mode: Enum(SCHEDULE_MODES),
  place: Type.String(),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  startsAt: Time,
  endsAt: Time,
  capacity: Type.Integer({ description: "places in all, or per slot by appointment" }),
  slotMinutes: Nullable(Type.Integer()),
  status: Enum(ACTIVITY_STATUSES),
  team: Nullable(Ref),
  node: Ref,
  confirmed: Type.Integer(),
  waiting: Type.Integer(),
  placesLeft: Type.Integer(),
  mySignup: MySignup,
  createdAt: Time,
};

export const ActivityItem = Type.Object(activityFields);

export const ActivityDetail = Type.Object({
  ...activityFields,
  slots: Type.Array(
    Type.Object({
      startsAt: Time,
      endsAt: Time,
      confirmed: Type.Integer(),
      waiting: Type.Integer(),
      placesLeft: Type.Integer(),
      open: Type.Boolean({ description: "still bookable" }),
    }),
  ),
  canManage: Type.Boolean(),
});

export const SignupResult = Type.Object({
  id: Uuid,
  status: Enum(SIGNUP_STATUSES),
  position: Nullable(Type.Integer()),
  slotStartsAt: Nullable(Time),
});

export const SignupItem = Type.Object({
  id: Uuid,
  activityId: Uuid,
  activityTitle: Type.String(),
  activityStartsAt: Time,
  volunteerId: Uuid,
  name: Type.String(),
  phone: Nullable(Type.String({ description: "masked" })),
  ...Attendance,
  signedUpAt: Time,
});

export const AttendanceResult = Type.Object({
  signupId: Uuid,
  volunteerName: Type.String(),
  stage: Enum(SIGNUP_STAGES),
  slotStartsAt: Nullable(Time),
  checkedInAt: Nullable(Time),
  checkedOutAt: Nullable(Time),
  hours: Hours,
});

const Figures = { activities: Type.Integer(), people: Type.Integer(), hours: Type.Number() };
export const Stats = Type.Object({
  by: Enum(["team", "community"] as const),
  items: Type.Array(
    Type.Object({ id: Uuid, name: Type.String(), speciality: Nullable(Type.String()), ...Figures }),
  ),
  totals: Type.Object(Figures),
});
