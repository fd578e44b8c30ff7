import { Type } from "@sinclair/typebox";
import { PhotoRef as Photo } from "../../platform/files/index.ts";
import { TimelineEvent } from "../../platform/http/timeline.ts";
import { Enum, Nullable, Time, Uuid } from "../../platform/http/types.ts";
import { CASE_ACTIONS, CASE_STATUSES, HANDLER_LEVELS } from "./flow.ts";
import { CHANNELS, REQUEST_TYPES, URGENCIES, WHISTLE_STATUSES } from "./tables.ts";

const NodeRef = Nullable(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }));
const CaseLink = Type.Object({ id: Uuid, code: Type.String(), status: Enum(CASE_STATUSES) });
const DepartmentRef = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
});

export const Category = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  description: Type.String(),
  defaultLevel: Enum(HANDLER_LEVELS),
  departmentCode: Nullable(Type.String()),
  responseMinutes: Type.Integer(),
  resolveMinutes: Type.Integer(),
  remindMinutes: Type.Integer(),
  duplicateMeters: Type.Integer(),
  duplicateHours: Type.Integer(),
  questions: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Type.String(),
      labelEn: Type.String(),
      datatype: Enum(["string", "text", "number", "singlevaluelist"] as const),
      required: Type.Boolean(),
      values: Type.Optional(Type.Array(Type.Object({ key: Type.String(), name: Type.String() }))),
    }),
  ),
});

export const Department = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
});

export const Submitted = Type.Object({
  id: Uuid,
  code: Type.String({ description: "XG-20261123-0001" }),
  status: Enum(CASE_STATUSES),
  replay: Type.Boolean({
    description: "the same source record was already taken in; nothing new was written",
  }),
  suggestedMasterId: Nullable(Uuid),
});

const caseFields = {
  id: Uuid,
  code: Type.String(),
  status: Enum(CASE_STATUSES),
  channel: Enum(CHANNELS),
  categoryCode: Type.String(),
  requestType: Enum(REQUEST_TYPES),
  urgency: Enum(URGENCIES),
  description: Type.String(),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  address: Nullable(Type.String()),
  gridId: Nullable(Uuid),
  communityId: Nullable(Uuid),
  reporterName: Nullable(Type.String({ description: "masked" })),
  reporterPhone: Nullable(Type.String({ description: "masked" })),
  createdAt: Time,
  responseDueAt: Time,
  resolveDueAt: Time,
  respondedAt: Nullable(Time),
  resolvedAt: Nullable(Time),
  closedAt: Nullable(Time),
  overdue: Type.Boolean(),
  lateFor: Nullable(Enum(["response", "resolve"] as const)),
  /** Who holds the open case now, by level and name (null once it is no longer open). */
  holder: Nullable(
    Type.Object({
      level: Enum(["grid", "community", "street", "department"] as const),
      name: Nullable(Type.String()),
    }),
  ),
  supervisedBy: Nullable(Enum(HANDLER_LEVELS)),
  rating: Nullable(Type.Integer()),
  ratingComment: Nullable(Type.String()),
  needsReview: Type.Boolean(),
};

export const CaseItem = Type.Object({
  ...caseFields,
  categoryName: Type.String(),
  gridCode: Nullable(Type.String()),
  gridName: Nullable(Type.String()),
});

export const CaseDetail = Type.Object({
  ...caseFields,
  category: Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() }),
  photos: Type.Array(Photo),
  gridCode: Nullable(Type.String()),
  grid: NodeRef,
  community: NodeRef,
  street: NodeRef,
  department: Nullable(DepartmentRef),
  suggestedMaster: Nullable(CaseLink),
  master: Nullable(CaseLink),
  duplicates: Type.Array(CaseLink),
  extra: Type.Record(Type.String(), Type.Unknown()),
  events: Type.Array(TimelineEvent(CASE_STATUSES)),
  whistles: Type.Array(
    Type.Object({
      id: Uuid,
      department: DepartmentRef,
      status: Enum(WHISTLE_STATUSES),
      request: Type.String(),
      deadline: Time,
      acceptedAt: Nullable(Time),
      reportedAt: Nullable(Time),
      report: Nullable(Type.String()),
      reportPhotos: Type.Array(Photo),
      score: Nullable(Type.Integer()),
      ratingComment: Nullable(Type.String()),
      overdue: Type.Boolean(),
      allowedActions: Type.Array(Enum(["withdraw"] as const)),
    }),
  ),
  allowedActions: Type.Array(Enum(CASE_ACTIONS)),
  mayCall: Type.Boolean({ description: "the caller holds the case: he may reveal the reporter's phone" }),
});

export const WhistleItem = Type.Object({
  id: Uuid,
  caseId: Uuid,
  caseCode: Type.String(),
  description: Type.String(),
  address: Nullable(Type.String()),
  departmentId: Uuid,
  departmentName: Type.String(),
  status: Enum(WHISTLE_STATUSES),
  request: Type.String(),
  deadline: Time,
  overdue: Type.Boolean(),
  score: Nullable(Type.Integer()),
  createdAt: Time,
});
