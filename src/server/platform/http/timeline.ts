import { Type } from "@sinclair/typebox";
import { maskName } from "../../../shared/masks.ts";
import { PhotoRef, photoRefs } from "../files/index.ts";
import { Enum, Nullable, Time, Uuid } from "./types.ts";

/**
 * One entry of a record's timeline, whose status runs through `statuses`: the columns every
 * `<entity>_events` table shares. `data` is the structured detail of tables that keep one; a table
 * without it leaves the field out (`Type.Omit(TimelineEvent(…), ["data"])`).
 */
export const TimelineEvent = <S extends string>(statuses: readonly S[]) =>
  Type.Object({
    id: Uuid,
    at: Time,
    action: Type.String(),
    actorName: Nullable(Type.String()),
    fromStatus: Nullable(Enum(statuses)),
    toStatus: Nullable(Enum(statuses)),
    note: Nullable(Type.String()),
    photos: Type.Array(PhotoRef),
    data: Type.Record(Type.String(), Type.Unknown()),
  });

/** The columns every `<entity>_events` table has; `data` where the table keeps it. */
interface EventRow {
  id: string;
  at: Date;
  action: string;
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  photos: string[];
  data?: Record<string, unknown>;
}

type Presented<E extends EventRow> = Pick<
  E,
  "id" | "action" | "actorName" | "fromStatus" | "toStatus" | "note"
> &
  Pick<E, Extract<keyof E, "data">> & { at: string; photos: { id: string; url: string }[] };

/**
 * Event rows as a `TimelineEvent` list. Only the listed columns go out (never the actor's id nor
 * the owner's), and `data` only from tables that have it.
 */
export function presentTimeline<E extends EventRow>(events: readonly E[]): Presented<E>[] {
  return events.map(
    (e) =>
      ({
        id: e.id,
        at: e.at.toISOString(),
        action: e.action,
        actorName: e.actorName,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.note,
        photos: photoRefs(e.photos),
        ...("data" in e ? { data: e.data } : {}),
      }) as Presented<E>,
  );
}

/**
 * The events with one person's name masked where he acted himself: the person served (a case's
 * reporter, an order's requester), whose name the record's header masks, so that no timeline gives
 * back the name the header hides.
 */
export function maskingActor<E extends { actorId: string | null; actorName: string | null }>(
  events: readonly E[],
  personId: string | null,
): E[] {
  return events.map((e) =>
    personId !== null && e.actorId === personId ? { ...e, actorName: maskName(e.actorName) } : e,
  );
}
