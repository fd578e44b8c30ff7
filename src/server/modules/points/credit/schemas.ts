import { Type } from "@sinclair/typebox";
import { Enum, Nullable, Time, Uuid } from "../../../platform/http/types.ts";
import { TITLE_KINDS } from "../rankings/tables.ts";
import { CREDIT_AUDIENCES } from "./consents.ts";

export const Audience = Enum(CREDIT_AUDIENCES);
export const Bank = Type.String({
  minLength: 1,
  maxLength: 60,
  description: "the partner bank, e.g. 县农商银行",
});

export const Recorded = Type.Object({ id: Uuid, givenAt: Time });

export const ConsentItem = Type.Object({
  id: Uuid,
  audience: Audience,
  holder: Type.Object({ id: Uuid, name: Type.String() }),
  community: Nullable(Type.String()),
  bank: Type.String(),
  formFileId: Nullable(Type.String({ description: "the scanned paper form (GET /files/{id})" })),
  recordedBy: Type.Object({ id: Uuid, name: Type.String() }),
  givenAt: Time,
  withdrawnAt: Nullable(Time),
});

export const MyConsents = Type.Object({
  bank: Nullable(
    Type.String({ description: "the district's partner bank, as chosen in its latest consent" }),
  ),
  items: Type.Array(
    Type.Object({
      audience: Audience,
      name: Type.String(),
      consents: Type.Array(Type.Object({ id: Uuid, bank: Type.String(), givenAt: Time })),
    }),
  ),
});

export const ExportRow = Type.Object({
  consentId: Uuid,
  audience: Audience,
  holderId: Uuid,
  name: Type.String(),
  idMasked: Nullable(Type.String({ description: "residents: the 身份证 number masked; never whole" })),
  uscc: Nullable(Type.String({ description: "shops: 统一社会信用代码" })),
  community: Nullable(Type.String()),
  balance: Type.Number(),
  score: Type.Number({ description: "this year's score: base + added − deducted, 0 when vetoed" }),
  rating: Nullable(Type.Number({ description: "shops: consumers' average stars this year" })),
  titles: Type.Array(Type.Object({ kind: Enum(TITLE_KINDS), period: Type.String() })),
  bank: Type.String(),
  consentedAt: Time,
});
