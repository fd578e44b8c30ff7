import { Type } from "@sinclair/typebox";
import { MOBILISATION_TEMPLATE_KEYS } from "../../../../shared/mobilisation.ts";
import { Enum, Nullable, Time, Uuid } from "../../../platform/http/types.ts";
import { MOBILISATION_ACTIONS, MOBILISATION_STATUSES } from "./flow.ts";
import { MOBILISATION_KINDS } from "./tables.ts";

export const Point = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
  },
  { additionalProperties: false },
);

const fields = {
  id: Uuid,
  template: Enum(MOBILISATION_TEMPLATE_KEYS),
  kind: Enum(MOBILISATION_KINDS),
  name: Type.String(),
  purpose: Type.String(),
  status: Enum(MOBILISATION_STATUSES),
  node: Nullable(Type.Object({ id: Uuid, name: Type.String(), level: Type.String() })),
  place: Nullable(Type.String()),
  location: Nullable(Point),
  raisedAt: Time,
  dissolvedAt: Nullable(Time),
  called: Type.Integer({ description: "members called" }),
  reported: Type.Integer({ description: "members who reported (到岗)" }),
};

export const MobilisationItem = Type.Object(fields);

export const MobilisationDetail = Type.Object({
  ...fields,
  dissolveNote: Nullable(Type.String()),
  members: Type.Array(
    Type.Object({
      memberId: Uuid,
      name: Type.String(),
      phone: Nullable(Type.String({ description: "masked" })),
      leader: Type.Boolean(),
      notifiedAt: Nullable(Time),
      reportedAt: Nullable(Time),
      reportedLocation: Nullable(Point),
      reportedNote: Nullable(Type.String()),
    }),
    { description: "staff only; empty for a called member (he has /mine)" },
  ),
  allowedActions: Type.Array(Enum(MOBILISATION_ACTIONS)),
});

export const MyMobilisation = Type.Object({
  ...fields,
  leader: Type.Boolean(),
  notifiedAt: Nullable(Time),
  reportedAt: Nullable(Time),
  allowedActions: Type.Array(Enum(MOBILISATION_ACTIONS)),
});

export const Candidate = Type.Object({
  id: Uuid,
  name: Type.String(),
  phone: Nullable(Type.String({ description: "masked" })),
  category: Type.String(),
  skills: Type.Array(Type.String()),
  busy: Type.Boolean({ description: "in another active call-up" }),
  called: Type.Boolean({ description: "already called to this one" }),
  distance: Nullable(Type.Integer({ description: "metres from the gathering point to his home" })),
});

export const Moved = Type.Object({ id: Uuid, status: Enum(MOBILISATION_STATUSES) });
