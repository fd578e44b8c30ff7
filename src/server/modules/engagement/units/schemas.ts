import { Type } from "@sinclair/typebox";
import { PhotoRef } from "../../../platform/files/index.ts";
import { Enum, Nullable, Time, Uuid } from "../../../platform/http/types.ts";
import { MENU_ITEMS, REPORT_IN_STATUSES, SIX_FIXES, SIX_ONES } from "../tables.ts";
import { REPORT_IN_ACTIONS } from "./flow.ts";

/** A China calendar day, 2026-12-05. */
export const Day = Type.String({ format: "date", description: "a China calendar day, 2026-12-05" });
/** Some text, not only spaces. */
export const Sentence = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });

/** 六定: 定岗位, 定职责, 定时间, 定任务, 定考核, 定奖惩 — one sentence each. */
export const Commitments = Type.Object(
  Object.fromEntries(SIX_FIXES.map((k) => [k, Sentence(300)])) as Record<
    (typeof SIX_FIXES)[number],
    ReturnType<typeof Sentence>
  >,
  { additionalProperties: false },
);

const Named = Type.Object({ id: Uuid, name: Type.String() });

export const Pairing = Type.Object({
  id: Uuid,
  unit: Named,
  community: Named,
  startsOn: Day,
  endsOn: Day,
  commitments: Commitments,
  agreement: Nullable(PhotoRef),
  live: Type.Boolean({ description: "not ended, and its end date not passed" }),
  createdAt: Time,
  endedAt: Nullable(Time),
});

export const ReportIn = Type.Object({
  id: Uuid,
  member: Named,
  unit: Named,
  community: Named,
  year: Type.Integer(),
  status: Enum(REPORT_IN_STATUSES),
  letter: Nullable(PhotoRef),
  letterIssuedAt: Nullable(Type.String({ format: "date-time", description: "issued by the unit here" })),
  letterUrl: Type.String({ description: "the 介绍信 as PDF" }),
  menu: Type.Array(Enum(MENU_ITEMS)),
  returnReason: Nullable(Type.String()),
  decidedAt: Nullable(Time),
  createdAt: Time,
  updatedAt: Time,
  allowedActions: Type.Array(Enum(REPORT_IN_ACTIONS)),
});

export const Moved = Type.Object({ id: Uuid, status: Enum(REPORT_IN_STATUSES) });

export const SixOneItem = Type.Object({ item: Enum(SIX_ONES), done: Type.Boolean(), doneOn: Nullable(Day) });

export const MyEngagement = Type.Object({
  year: Type.Integer(),
  member: Named,
  unit: Nullable(Named),
  community: Nullable(Named),
  pairing: Nullable(Type.Object({ id: Uuid, startsOn: Day, endsOn: Day, commitments: Commitments })),
  reportIn: Nullable(ReportIn),
  /** Why he cannot report in now, if he cannot. */
  blocked: Nullable(Enum(["NOT_IN_SERVICE", "NO_HOME_COMMUNITY", "UNIT_NOT_PAIRED"] as const)),
  sixOnes: Type.Array(SixOneItem),
});

export const ProgressItem = Type.Object({
  member: Named,
  unit: Nullable(Named),
  community: Nullable(Named),
  reportInId: Nullable(Uuid),
  status: Nullable(Enum(REPORT_IN_STATUSES)),
  menu: Type.Array(Enum(MENU_ITEMS)),
  sixOnesDone: Type.Integer({ minimum: 0, maximum: 6 }),
  records: Type.Integer({ description: "approved service records this year" }),
  hours: Type.Number({ description: "their hours" }),
});

export const RotaDay = Type.Object({
  day: Day,
  pairingId: Uuid,
  unit: Named,
  community: Named,
  remindedAt: Nullable(Time),
});
