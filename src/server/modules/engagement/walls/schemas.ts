import { Type } from "@sinclair/typebox";
import { PhotoRef } from "../../../platform/files/index.ts";
import { Enum, Nullable, Uuid } from "../../../platform/http/types.ts";
import { PROMISE_ACTIONS } from "./flow.ts";
import { PROMISE_STATUSES } from "./tables.ts";

const Named = Type.Object({ id: Uuid, name: Type.String() });
/** A calendar year the walls and the assessment are kept by. */
export const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
/** Some text, not only spaces. */
export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });

export const PromiseItem = Type.Object({
  id: Uuid,
  year: Type.Integer(),
  member: Named,
  community: Nullable(Named),
  text: Type.String(),
  photo: Nullable(PhotoRef),
  status: Enum(PROMISE_STATUSES),
  returnReason: Nullable(Type.String()),
  keptNote: Nullable(Type.String()),
  keptPhotos: Type.Array(PhotoRef),
  keptAt: Nullable(Type.String()),
  createdAt: Type.String(),
  allowedActions: Type.Array(Enum(PROMISE_ACTIONS)),
});

export const MyPromises = Type.Object({
  items: Type.Array(PromiseItem),
  total: Type.Integer(),
  year: Type.Integer({ description: "this year: the promise written now is for it" }),
  community: Nullable(Named),
});

export const PioneerItem = Type.Object({
  id: Uuid,
  year: Type.Integer(),
  member: Named,
  community: Nullable(Named),
  citation: Type.String(),
  photo: Nullable(PhotoRef),
  services: Type.Integer({ description: "approved services in the year" }),
  hours: Type.Number({ description: "their hours" }),
  createdAt: Type.String(),
});

export const Moved = Type.Object({ id: Uuid, status: Enum(PROMISE_STATUSES) });

const Url = Nullable(Type.String());
export const PublicWall = Type.Object({
  community: Named,
  year: Type.Integer(),
  signatures: Type.Object({
    total: Type.Integer({ description: "members reported in this year (the list shows the latest 500)" }),
    items: Type.Array(Type.Object({ name: Type.String(), unit: Type.String(), photo: Url })),
  }),
  promises: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      text: Type.String(),
      photo: Url,
      kept: Type.Boolean(),
      keptNote: Nullable(Type.String()),
      keptPhotos: Type.Array(Type.String()),
    }),
  ),
  pioneers: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      citation: Type.String(),
      photo: Url,
      services: Type.Integer(),
      hours: Type.Number(),
    }),
  ),
  /** 明星党员: the latest published star-member ranking of the community (or the street above). */
  stars: Nullable(
    Type.Object({
      period: Type.String(),
      entries: Type.Array(
        Type.Object({ rank: Type.Integer(), name: Type.String(), citation: Nullable(Type.String()) }),
      ),
    }),
  ),
});
